import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface PushReceiver {
  url: string;
  received: ReceivedPush[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records each notification and answers with `reply`. */
export async function startPushReceiver(
  reply: (push: ReceivedPush, index: number, res: ServerResponse) => void,
): Promise<PushReceiver> {
  const received: ReceivedPush[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      const push = { path: req.url ?? '/', headers: req.headers, body };
      received.push(push);
      reply(push, received.length - 1, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function replyJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export const PING_REPLY = { version: '1.0.0', name: 'test-receiver', time: '2025-01-01T00:00:00Z' };
