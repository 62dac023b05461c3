// A marketplace that never stops handing out a next page cannot be made with the sandbox, so a
// small real HTTP server plays one: Metro answering one chat with a total that never runs out,
// Ozon answering has_next with a new cursor every time. The client must fail loudly, not loop
// forever and not return a quietly shortened list.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAxiosTransport, nodeRuntime } from '../../axios/index.js';
import type { Limiter } from '../../http/limiter.js';
import { createMetroClient } from '../metro/client.js';
import { createOzonClient } from '../ozon/client.js';

const metroChat = (
  JSON.parse(readFileSync(new URL('../metro/__fixtures__/list-chats.json', import.meta.url), 'utf8')) as {
    data: unknown[];
  }
).data[0];

let server: Server;
let base: string;
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/metro/')) {
      res.end(JSON.stringify({ data: [metroChat], metadata: { total: 1_000_000_000, limit: 100 } }));
      return;
    }
    req.resume();
    req.on('end', () => res.end(JSON.stringify({ chats: [], cursor: `c${requests}`, has_next: true })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// The marketplaces' own rate limits would make 10,000 requests take minutes; this server has none.
const unlimited: Limiter = { run: (_class, task) => task(), waiting: 0, active: 0 };
const transport = createAxiosTransport();

async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of items) n += 1;
  return n;
}

describe('a marketplace that never stops paging', () => {
  it('metro: listing every chat fails after 10,000 pages, naming the marketplace and operation', async () => {
    requests = 0;
    const client = createMetroClient({
      credentials: { clientKey: 'k', clientSecret: 's' },
      baseUrl: `${base}/metro`,
      transport,
      runtime: nodeRuntime,
      limiter: unlimited,
    });
    await expect(drain(client.iterateChats())).rejects.toMatchObject({
      kind: 'marketplace',
      marketplace: 'metro',
      operation: 'listChats',
      message: expect.stringContaining('more than 10000 pages'),
    });
    expect(requests).toBe(10_000);
  }, 60_000);

  it('ozon: listing every chat fails after 10,000 pages, naming the marketplace and operation', async () => {
    requests = 0;
    const client = createOzonClient({
      credentials: { clientId: '1', apiKey: 'key' },
      baseUrl: `${base}/ozon`,
      transport,
      runtime: nodeRuntime,
      limiter: unlimited,
    });
    await expect(drain(client.iterateChats())).rejects.toMatchObject({
      kind: 'marketplace',
      marketplace: 'ozon',
      operation: 'listChats',
    });
    expect(requests).toBe(10_000);
  }, 60_000);
});
