/**
 * The one seam between the core and I/O. The main entry ships no implementation: Node-RED and
 * the sandbox pass the axios transport (`@sellerchat/core/axios`), n8n passes one built on its
 * own request helper so proxies, certificates and logging behave as n8n users expect.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface MultipartFile {
  name: string;
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface MultipartField {
  name: string;
  value: string;
}

export type TransportBody =
  /** Already serialised text (JSON or form-encoded), sent byte for byte: Metro signs it. */
  | { type: 'text'; contentType: string; text: string }
  | { type: 'multipart'; parts: Array<MultipartFile | MultipartField> };

export interface TransportRequest {
  method: HttpMethod;
  /** Absolute URL including the query string, exactly as it will be sent (Metro signs it). */
  url: string;
  headers: Record<string, string>;
  body?: TransportBody;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The raw body as text; the core parses it losslessly. */
  body: string;
  /** The raw body bytes when the caller asked for binary (file downloads). */
  bytes?: Uint8Array;
}

/**
 * A transport throws a `TransportFailure` when no HTTP response arrived. `kind` tells the
 * pipeline whether the request may have reached the server (reset after sending) or not.
 */
export interface TransportFailure {
  transportFailure: true;
  kind: 'timeout' | 'reset' | 'refused' | 'dns' | 'aborted' | 'other';
  message: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export function transportFailure(kind: TransportFailure['kind'], message: string): TransportFailure {
  return { transportFailure: true, kind, message };
}

export function isTransportFailure(value: unknown): value is TransportFailure {
  return typeof value === 'object' && value !== null && (value as TransportFailure).transportFailure === true;
}
