import type { Authenticate } from '../../http/options.js';

/** Client-Id and Api-Key headers on every request. */
export function ozonAuthenticate(clientId: string, apiKey: string): Authenticate {
  return (request) => ({
    ...request,
    headers: { ...request.headers, 'Client-Id': clientId, 'Api-Key': apiKey },
  });
}
