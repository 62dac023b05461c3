// A real HTTP server on 127.0.0.1 that answers 500 and counts requests: an account pointed at
// it proves that a refusal happened before any request was made.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingServer {
  url: string;
  readonly requests: number;
  close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    res.statusCode = 500;
    res.setHeader('content-type', 'application/json');
    res.end('{"error":"counting server"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
