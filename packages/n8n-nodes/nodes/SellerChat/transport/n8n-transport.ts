import {
  type MarketplaceId,
  type Transport,
  type TransportFailure,
  type TransportRequest,
  type TransportResponse,
  transportFailure,
} from '@sellerchat/core';
import type { IAllExecuteFunctions, IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { CREDENTIAL_TYPES } from './credential-types.js';

/** The part of any n8n node context (execute, poll, webhook, hook) the transport needs. */
export interface RequestContext {
  helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest' | 'httpRequestWithAuthentication'>;
}

interface FullResponse {
  body: unknown;
  headers: Record<string, unknown>;
  statusCode: number;
}

const decoder = new TextDecoder('utf-8');

function outgoingBody(request: TransportRequest, headers: IDataObject): IHttpRequestOptions['body'] {
  const body = request.body;
  if (!body) return undefined;
  if (body.type === 'text') {
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['Content-Type'] = body.contentType;
    return body.text;
  }
  // The multipart boundary goes into Content-Type when the form is sent; a set value would break it.
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
  const form = new FormData();
  for (const part of body.parts) {
    if ('data' in part)
      form.append(
        part.name,
        new Blob([part.data as Uint8Array<ArrayBuffer>], { type: part.contentType }),
        part.filename,
      );
    else form.append(part.name, part.value);
  }
  return form as unknown as IHttpRequestOptions['body'];
}

function bytesOf(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body === undefined || body === null) return new Uint8Array(0);
  return new TextEncoder().encode(JSON.stringify(body));
}

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** n8n wraps request failures in NodeApiError; the network code sits on the error or its cause. */
export function failureOf(error: unknown, signal: AbortSignal | undefined): TransportFailure {
  const chain: Array<{ code?: unknown; message?: unknown; cause?: unknown }> = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    chain.push(current as { code?: unknown; message?: unknown; cause?: unknown });
    current = (current as { cause?: unknown }).cause;
  }
  const code = String(chain.map((e) => e.code).find((c) => typeof c === 'string' && c !== '') ?? '');
  const messages = chain.map((e) => (typeof e.message === 'string' ? e.message : '')).join(' | ');
  const message = code ? `${code}: ${chain[0]?.message ?? ''}` : String(chain[0]?.message ?? error);
  if (
    code === 'ETIMEDOUT' ||
    (code === 'ECONNABORTED' && /timeout/i.test(messages)) ||
    /timeout of \d+ms/i.test(messages)
  )
    return transportFailure('timeout', message);
  if (code === 'ERR_CANCELED' || signal?.aborted) return transportFailure('aborted', message);
  if (
    ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET'].includes(code) ||
    /socket hang up/i.test(messages)
  )
    return transportFailure('reset', message);
  if (code === 'ECONNREFUSED') return transportFailure('refused', message);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return transportFailure('dns', message);
  return transportFailure('other', message);
}

/**
 * A core Transport on n8n's own request helper, so n8n's proxy, certificate and SSRF settings
 * apply. Requests below the account's base URL carry the n8n credential (its `authenticate`
 * adds the auth headers; the core adds none, its client runs with `authentication: 'host'`);
 * any other host (a CDN serving an attachment) gets no credentials at all. Every status comes
 * back as a response, bodies as bytes, so the core parses them losslessly; redirects are not
 * followed, since following one would carry the credentials wherever the marketplace pointed.
 */
export function createN8nTransport(
  context: RequestContext,
  marketplace: MarketplaceId,
  baseUrl: string,
): Transport {
  const credentialType = CREDENTIAL_TYPES[marketplace];
  const base = baseUrl.replace(/\/+$/, '');
  return async (request: TransportRequest): Promise<TransportResponse> => {
    const headers: IDataObject = { ...request.headers };
    const options: IHttpRequestOptions = {
      method: request.method,
      url: request.url,
      headers,
      body: outgoingBody(request, headers),
      encoding: 'arraybuffer',
      json: false,
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
      disableFollowRedirect: true,
      timeout: request.timeoutMs,
      ...(request.signal ? { abortSignal: request.signal } : {}),
    };
    const ownHost =
      request.url === base || request.url.startsWith(`${base}/`) || request.url.startsWith(`${base}?`);
    let response: FullResponse;
    try {
      response = (
        ownHost
          ? await context.helpers.httpRequestWithAuthentication.call(
              context as unknown as IAllExecuteFunctions,
              credentialType,
              options,
            )
          : await context.helpers.httpRequest(options)
      ) as FullResponse;
    } catch (error) {
      throw failureOf(error, request.signal);
    }
    const bytes = bytesOf(response.body);
    return {
      status: response.statusCode,
      headers: headersOf(response.headers),
      body: decoder.decode(bytes),
      bytes,
    };
  };
}
