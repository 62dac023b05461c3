// A real HTTP server on 127.0.0.1 standing in for a webhook, an alert endpoint or a language
// model: it keeps every JSON body it receives and answers with `answer(body)`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JsonReceiver {
  url: string;
  received: Array<{ path: string; body: unknown; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startJsonReceiver(
  answer: (body: unknown) => unknown = () => ({ ok: true }),
  /** How long it takes to answer, as a slow service does; the body is recorded on arrival. */
  delayMs = 0,
): Promise<JsonReceiver> {
  const received: JsonReceiver['received'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text: the test's assertion will show what arrived
      }
      received.push({ path: req.url ?? '', body, headers: req.headers });
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer(body)));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
