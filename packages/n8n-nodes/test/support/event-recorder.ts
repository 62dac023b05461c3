// A real HTTP server on 127.0.0.1 that keeps every JSON body posted to it and answers with the
// same body, so the workflow's next node reads the event back from the HTTP Request's output.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EventRecorder {
  url: string;
  received: Array<{ path: string; body: unknown }>;
  close(): Promise<void>;
}

/** `delayMs`: how long it takes to answer, as a slow service does; the body is recorded on arrival. */
export async function startEventRecorder(delayMs = 0): Promise<EventRecorder> {
  const received: EventRecorder['received'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text: the verdict shows what arrived
      }
      received.push({ path: req.url ?? '', body });
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(typeof body === 'string' ? JSON.stringify({ text: body }) : text);
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
