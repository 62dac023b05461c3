import type { Authenticate } from '../../http/options.js';

/** Api-Key header on every request (the deprecated OAuth form is not used). */
export function yandexAuthenticate(apiKey: string): Authenticate {
  return (request) => ({ ...request, headers: { ...request.headers, 'Api-Key': apiKey } });
}
