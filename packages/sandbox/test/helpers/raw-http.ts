import { request } from 'node:http';

export interface RawReply {
  status: number;
  statusText: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export type RawOutcome = { ok: true; reply: RawReply } | { ok: false; error: NodeJS.ErrnoException };

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

/** One HTTP exchange on a fresh connection, reporting socket errors instead of throwing. */
export function rawRequest(url: string, options: RawRequest = {}): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = request(url, {
      method: options.method ?? 'GET',
      agent: false,
      headers: {
        ...(body ? { 'content-length': String(body.length) } : {}),
        ...options.headers,
      },
    });
    const timer = setTimeout(
      () => req.destroy(new Error('test client timeout')),
      options.timeoutMs ?? 10_000,
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, error });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve({ ok: false, error });
      });
      res.on('end', () => {
        clearTimeout(timer);
        const buffer = Buffer.concat(chunks);
        resolve({
          ok: true,
          reply: {
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: res.headers,
            body: buffer,
            text: buffer.toString('utf8'),
          },
        });
      });
    });
    req.end(body);
  });
}

/** rawRequest that must get an answer; returns it with the body parsed as JSON. */
export async function jsonRequest(
  url: string,
  options: RawRequest & { json?: unknown } = {},
): Promise<RawReply & { json: unknown }> {
  const { json, ...rest } = options;
  const outcome = await rawRequest(url, {
    ...rest,
    ...(json !== undefined
      ? { body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...rest.headers } }
      : {}),
  });
  if (!outcome.ok) throw outcome.error;
  const { reply } = outcome;
  let parsed: unknown;
  try {
    parsed = reply.text === '' ? undefined : JSON.parse(reply.text);
  } catch {
    parsed = undefined;
  }
  return { ...reply, json: parsed };
}
