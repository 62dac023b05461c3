import { type ServerResponse, STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';
import type { SandboxResponse } from '../types.js';

export interface SerializedResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Turns a module's answer into bytes first, so faults can cut it and errors surface before writing. */
export function serializeResponse(response: SandboxResponse): SerializedResponse {
  const status = response.status;
  if (!Number.isInteger(status) || status < 100 || status > 999) {
    throw new Error(`module answered with an invalid HTTP status: ${String(status)}`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    // Checked here so a bad header from a module becomes a 500, not a half-written response.
    validateHeaderName(name);
    validateHeaderValue(name, String(value));
    headers[name.toLowerCase()] = String(value);
  }
  let body: Buffer;
  if (response.rawBody !== undefined) {
    body = Buffer.isBuffer(response.rawBody) ? response.rawBody : Buffer.from(response.rawBody, 'utf8');
  } else if (response.body !== undefined) {
    body = Buffer.from(JSON.stringify(response.body), 'utf8');
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else {
    body = Buffer.alloc(0);
  }
  return {
    status,
    statusText: response.statusText ?? STATUS_CODES[status] ?? 'Unknown',
    headers,
    body,
  };
}

export function writeSerialized(
  res: ServerResponse,
  response: SerializedResponse,
  body = response.body,
): void {
  res.statusCode = response.status;
  res.statusMessage = response.statusText;
  for (const [name, value] of Object.entries(response.headers)) {
    if (name !== 'content-length') res.setHeader(name, value);
  }
  res.setHeader('content-length', String(body.length));
  res.end(body);
}

export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  writeSerialized(res, serializeResponse({ status, body, headers }));
}
