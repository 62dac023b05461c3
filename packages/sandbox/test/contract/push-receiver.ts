import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real push endpoint on 127.0.0.1 that answers as a well-behaved seller server: the ping body
 * {version, name, time} to pings, `eventReply` to everything else. It records what arrived.
 */
export interface PushReceiver {
  url: string;
  bodies: unknown[];
  paths: string[];
  close(): Promise<void>;
}

export async function startPushReceiver(options: {
  isPing: (body: Record<string, unknown>) => boolean;
  eventReply: unknown;
}): Promise<PushReceiver> {
  const bodies: unknown[] = [];
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      bodies.push(body);
      paths.push(req.url ?? '');
      const reply = options.isPing(body)
        ? { version: '1.0.0', name: 'contract-test', time: new Date().toISOString() }
        : options.eventReply;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/push`,
    bodies,
    paths,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
