// A real HTTP server on 127.0.0.1 standing in for what a flow under test posts to: a webhook, an
// alert endpoint, a language model, the test's own event log. Both hosts' tests use it, so it
// lives here rather than as a copy in each.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedJson {
  path: string;
  /** The parsed JSON, or the text itself when it is not JSON (the assertion then shows what came). */
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface JsonReceiver {
  url: string;
  /** In the order the requests arrived. */
  received: ReceivedJson[];
  close(): Promise<void>;
}

export interface JsonReceiverOptions {
  /** The JSON to answer with; default `{ ok: true }`. */
  answer?: (body: unknown) => unknown;
  /** How long it takes to answer, as a slow service does; the body is recorded on arrival. */
  delayMs?: number;
  /** Full control of the answer (status, content type, a broken body): `answer` and `delayMs` are then unused. */
  respond?: (request: ReceivedJson, index: number, res: ServerResponse) => void;
}

export async function startJsonReceiver(options: JsonReceiverOptions = {}): Promise<JsonReceiver> {
  const answer = options.answer ?? (() => ({ ok: true }));
  const received: ReceivedJson[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      const request = { path: req.url ?? '', body, headers: req.headers };
      received.push(request);
      if (options.respond) return options.respond(request, received.length - 1, res);
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer(body)));
      }, options.delayMs ?? 0);
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
