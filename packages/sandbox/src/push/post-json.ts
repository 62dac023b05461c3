import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { PushReply } from './check-push-reply.js';

const MAX_REPLY_BYTES = 1024 * 1024;

/**
 * POSTs a JSON body and resolves with the reply, or rejects on a network error, a timeout
 * (covering the whole exchange, as the marketplaces count it) or an abort.
 */
export function postJson(
  url: string,
  body: unknown,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PushReply> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const target = new URL(url);
    const payload = Buffer.from(JSON.stringify(body));
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    // agent:false: one connection per delivery, so nothing stays open after close().
    const req = send(target, {
      method: 'POST',
      agent: false,
      signal,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(payload.length),
        'user-agent': 'sellerchat-sandbox-push',
      },
    });
    const timer = setTimeout(() => {
      settle(() => reject(new Error(`timeout: no complete reply within ${timeoutMs} ms`)));
      req.destroy();
    }, timeoutMs);
    req.on('error', (error) => settle(() => reject(error)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_REPLY_BYTES) chunks.push(chunk);
      });
      res.on('error', (error) => settle(() => reject(error)));
      res.on('close', () => settle(() => reject(new Error('connection closed before the reply ended'))));
      res.on('end', () =>
        settle(() =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        ),
      );
    });
    req.end(payload);
  });
}
