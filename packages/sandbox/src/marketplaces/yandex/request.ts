import type { SandboxRequest } from '../../types.js';
import { YandexHttpError } from './errors.js';

/** An int64 ≥ 1 from the query string; ids beyond 2^53 cannot exist here, so they are refused too. */
export function queryId(query: URLSearchParams, name: string): number {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    throw new YandexHttpError(400, `Query parameter ${name} is required (an integer >= 1)`);
  }
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < 1) {
    throw new YandexHttpError(400, `Query parameter ${name} must be an integer >= 1, got "${raw}"`);
  }
  return Number(raw);
}

export function queryLimit(query: URLSearchParams, max: number, fallback: number): number {
  const raw = query.get('limit');
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    throw new YandexHttpError(400, `Query parameter limit must be an integer from 1 to ${max}, got "${raw}"`);
  }
  return value;
}

function mediaType(headers: Record<string, string>): string {
  return (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The required JSON body of a POST: 415 for another media type, 400 when missing or not an object. */
export function jsonBody(req: SandboxRequest): Record<string, unknown> {
  const type = mediaType(req.headers);
  if (type !== 'application/json') {
    throw new YandexHttpError(415, `Content-Type must be application/json, got "${type || 'none'}"`);
  }
  const text = req.rawBody.toString('utf8').trim();
  if (text === '') throw new YandexHttpError(400, 'Request body is required (a JSON object)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new YandexHttpError(400, `Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new YandexHttpError(400, 'Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** A body field that must be an integer >= 1 when present. */
export function optionalId(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new YandexHttpError(400, `${name} must be an integer >= 1, got ${JSON.stringify(value)}`);
  }
  return value;
}

export interface UploadedFile {
  name: string;
  mimeType: string;
  data: Buffer;
}

/** The multipart field `file` (415 for another media type, 400 when the field is missing). */
export async function multipartFile(req: SandboxRequest): Promise<UploadedFile> {
  const type = mediaType(req.headers);
  if (type !== 'multipart/form-data') {
    throw new YandexHttpError(415, `Content-Type must be multipart/form-data, got "${type || 'none'}"`);
  }
  let form: FormData;
  try {
    // The platform's own multipart parser (undici), rather than one of ours.
    form = await new Response(new Uint8Array(req.rawBody), {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    }).formData();
  } catch (error) {
    throw new YandexHttpError(
      400,
      `Request body is not valid multipart/form-data: ${(error as Error).message}`,
    );
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    throw new YandexHttpError(400, 'Multipart field "file" is required and must be a file part');
  }
  return {
    name: file.name || 'file',
    mimeType: file.type || 'application/octet-stream',
    data: Buffer.from(await file.arrayBuffer()),
  };
}
