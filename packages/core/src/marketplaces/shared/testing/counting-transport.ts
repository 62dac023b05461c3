import type { Transport, TransportRequest, TransportResponse } from '../../../http/transport.js';

/** Test helper: the real transport, with every request it was asked to send recorded. */
export interface CountingTransport {
  transport: Transport;
  requests: TransportRequest[];
  /** Responses in arrival order (requests that got no response are missing). */
  responses: TransportResponse[];
  /** Parsed JSON bodies of the recorded requests (undefined for non-JSON). */
  jsonBodies(): unknown[];
  reset(): void;
}

export function countingTransport(inner: Transport): CountingTransport {
  const requests: TransportRequest[] = [];
  const responses: TransportResponse[] = [];
  return {
    requests,
    responses,
    transport: async (request) => {
      requests.push(request);
      const response = await inner(request);
      responses.push(response);
      return response;
    },
    jsonBodies: () =>
      requests.map((r) => {
        if (r.body?.type !== 'text' || !r.body.contentType.includes('json')) return undefined;
        return JSON.parse(r.body.text) as unknown;
      }),
    reset: () => {
      requests.length = 0;
      responses.length = 0;
    },
  };
}
