import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushRequest, PushResponse } from '../push-common.js';

/** A seller's notification endpoint on 127.0.0.1, answering whatever `handle` says. */
export interface Receiver {
  url: string;
  /** Bodies received, in order. */
  bodies: string[];
  close(): Promise<void>;
}

export async function startReceiver(
  handle: (request: PushRequest) => Promise<PushResponse>,
): Promise<Receiver> {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      handle({ headers: req.headers, body }).then(
        (reply) => {
          res.writeHead(reply.status, reply.headers);
          res.end(reply.body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notification`,
    bodies,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
