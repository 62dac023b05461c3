import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Transport, TransportFailure, TransportRequest, TransportResponse } from '../http/transport.js';
import { transportFailure } from '../http/transport.js';

export interface AxiosTransportOptions {
  /** Your own axios instance (agents, proxy, interceptors). Default: a fresh `axios.create()`. */
  instance?: AxiosInstance;
  /** Largest response body accepted, in bytes. Default 50 MiB. */
  maxResponseBytes?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
const decoder = new TextDecoder('utf-8');

function requestBody(request: TransportRequest, headers: Record<string, string>): unknown {
  const body = request.body;
  if (!body) return undefined;
  if (body.type === 'text') {
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['Content-Type'] = body.contentType;
    return body.text;
  }
  // axios writes the multipart boundary into Content-Type itself; a caller's value would break it.
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
  const form = new FormData();
  for (const part of body.parts) {
    if ('data' in part)
      form.append(part.name, new Blob([part.data], { type: part.contentType }), part.filename);
    else form.append(part.name, part.value);
  }
  return form;
}

function responseHeaders(response: AxiosResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function failureOf(error: unknown, signal: AbortSignal | undefined): TransportFailure {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = e.message ?? String(error);
  if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(message)))
    return transportFailure('timeout', message);
  if (code === 'ERR_CANCELED' || signal?.aborted) return transportFailure('aborted', message);
  if (['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET'].includes(code))
    return transportFailure('reset', message);
  // A body cut off mid-way: the server may well have acted on the request.
  if (code === 'ERR_BAD_RESPONSE' && /abort/i.test(message)) return transportFailure('reset', message);
  if (code === 'ECONNREFUSED') return transportFailure('refused', message);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return transportFailure('dns', message);
  return transportFailure('other', code ? `${code}: ${message}` : message);
}

/**
 * The default Transport, on axios. Bodies arrive as bytes and are decoded as UTF-8 here, so the
 * core parses them losslessly (axios's own JSON parse would round big ids); every status is a
 * response, not an exception; redirects are not followed, because following one would send
 * the credential headers to wherever the marketplace pointed.
 */
export function createAxiosTransport(options: AxiosTransportOptions = {}): Transport {
  const client = options.instance ?? axios.create();
  const maxContentLength = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return async (request: TransportRequest): Promise<TransportResponse> => {
    const headers = { ...request.headers };
    const data = requestBody(request, headers);
    let response: AxiosResponse<ArrayBuffer | Uint8Array>;
    try {
      response = await client.request({
        url: request.url,
        method: request.method,
        headers,
        data,
        timeout: request.timeoutMs,
        signal: request.signal,
        responseType: 'arraybuffer',
        validateStatus: () => true,
        transformRequest: [(body: unknown) => body],
        transformResponse: [(body: unknown) => body],
        transitional: { clarifyTimeoutError: true },
        maxRedirects: 0,
        maxContentLength,
        maxBodyLength: Number.POSITIVE_INFINITY,
      });
    } catch (error) {
      throw failureOf(error, request.signal);
    }
    const raw = response.data;
    const bytes = raw instanceof Uint8Array ? new Uint8Array(raw) : new Uint8Array(raw ?? new ArrayBuffer(0));
    return {
      status: response.status,
      headers: responseHeaders(response),
      body: decoder.decode(bytes),
      bytes,
    };
  };
}
