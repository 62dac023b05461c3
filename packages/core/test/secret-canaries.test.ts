// Secret canaries through the real clients of all four marketplaces: every secret is a unique
// string, and none may show in a log line, an error (message, toJSON, stack, String(), inspect)
// or a result, whether the call succeeds, is refused by the sandbox, or meets a server that
// echoes the credentials back in its error body.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeClient, type NodeClientOptions } from '../src/axios/index.js';
import { MARKETPLACES, type MarketplaceClient, type MarketplaceId, SellerChatError } from '../src/index.js';

const tag = randomUUID().slice(0, 8);
const canary = (m: MarketplaceId, field: string) => `CANARY-${m}-${field}-${tag}`;

/** Canaries in every secret field; Yandex's business id is a number in a path, not a secret. */
const CANARIES: Record<MarketplaceId, Record<string, string>> = {
  metro: { clientKey: canary('metro', 'clientKey'), clientSecret: canary('metro', 'clientSecret') },
  yandex: { apiKey: `ACMA:${canary('yandex', 'apiKey')}`, businessId: '424242' },
  ozon: { clientId: canary('ozon', 'clientId'), apiKey: canary('ozon', 'apiKey') },
  storeden: { key: canary('storeden', 'key'), exchange: canary('storeden', 'exchange') },
};
const SECRET_FIELDS: Record<MarketplaceId, string[]> = {
  metro: ['clientKey', 'clientSecret'],
  yandex: ['apiKey'],
  ozon: ['clientId', 'apiKey'],
  storeden: ['key', 'exchange'],
};

let sandbox: RunningSandbox;
let echo: Server;
let echoUrl: string;
/** What the echo server answered: proof that the canaries were sent and echoed back. */
const echoed: string[] = [];
/** Every string the code under test produced: logs, console output, errors, results. */
const produced: string[] = [];

/** Answers every request with an error body that repeats the request: headers, URL and body. */
function echoBack(req: IncomingMessage, status: number): string {
  const said = JSON.stringify({ url: req.url, headers: req.headers });
  return JSON.stringify({
    status: 'ERROR',
    message: `denied: ${said}`,
    error: { code: 'ECHO', message: `denied: ${said}` },
    errors: [{ code: 'ECHO', message: `denied: ${said}` }],
    detail: said,
    code: status,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 11, chats: 3 });
  echo = createServer((req, res) => {
    // The status to answer comes from the base URL: /s500/ozon/... answers 500.
    const status = Number(/^\/s(\d{3})\//.exec(req.url ?? '')?.[1] ?? 401);
    req.resume();
    req.on('end', () => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      const body = echoBack(req, status);
      echoed.push(body);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      produced.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 8 }))).join(' '));
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise<void>((resolve) => echo?.close(() => resolve()));
  await sandbox?.close();
});
afterEach(() => {
  produced.length = 0;
});

function client(marketplace: MarketplaceId, credentials: Record<string, string>, baseUrl: string) {
  const log = (message: string, data?: Record<string, unknown>) =>
    produced.push(message, inspect(data, { depth: 8 }), JSON.stringify(data ?? {}));
  return createNodeClient({
    marketplace,
    credentials,
    baseUrl,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    logger: { debug: log, warn: log },
  } as unknown as NodeClientOptions) as MarketplaceClient;
}

/** Runs `call`, keeps what it returned or threw in every form a host might print. */
async function record(call: () => Promise<unknown>): Promise<unknown> {
  try {
    const result = await call();
    produced.push(JSON.stringify(result), inspect(result, { depth: 8 }));
    return result;
  } catch (error) {
    const e = error as SellerChatError;
    produced.push(e.message, String(e), e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 8 }));
    if (e instanceof SellerChatError) produced.push(JSON.stringify(e.toJSON()), e.marketplaceMessage ?? '');
    return error;
  }
}

function expectNoSecrets(secrets: string[]): void {
  const all = produced.join('\n');
  expect(all.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(all).not.toContain(secret);
  expect(all).not.toContain(tag);
}

const secretsOf = (m: MarketplaceId, credentials: Record<string, string>) =>
  SECRET_FIELDS[m].map((f) => credentials[f]!.replace(/^ACMA:/, ''));

describe('secret canaries in the core clients', () => {
  it.each(MARKETPLACES)('%s: successful calls show none of the working secrets', async (m) => {
    const [good] = Object.values(sandbox.control.credentials(m));
    const c = client(m, good!, `${sandbox.url}/${m}`);
    const chats = (await record(() => c.listChats())) as { items: Array<{ id: string }> };
    expect(chats.items.length).toBeGreaterThan(0);
    const chatId = chats.items[0]!.id;
    await record(() => c.getChat(chatId));
    const messages = await record(() => c.listMessages(chatId));
    expect(messages).not.toBeInstanceOf(Error);
    // A refusal before any request, from a client holding the secrets.
    const refused = await record(() => c.sendText(chatId, '   '));
    expect((refused as SellerChatError).kind).toBe('validation');
    // The sandbox's Ozon Client-Id is a short number that its chat data holds too (seller ids):
    // it is checked as a canary in the refusal cases below instead.
    expectNoSecrets(secretsOf(m, good!).filter((s) => !/^\d+$/.test(s)));
  });

  it.each(MARKETPLACES)(
    '%s: the sandbox refuses the canaries with an auth error that holds none',
    async (m) => {
      const c = client(m, CANARIES[m], `${sandbox.url}/${m}`);
      const listed = (await record(() => c.listChats())) as SellerChatError;
      // Ozon answers a wrong key with 404.
      expect(['auth', 'not_found', 'permission']).toContain(listed.kind);
      expect(listed.marketplace).toBe(m);
      const sent = (await record(() => c.sendText('1', 'hello'))) as SellerChatError;
      expect(sent).toBeInstanceOf(SellerChatError);
      expectNoSecrets(secretsOf(m, CANARIES[m]));
    },
  );

  for (const status of [400, 401, 403, 500]) {
    it.each(MARKETPLACES)(`%s: a ${status} that echoes the request back holds no canary`, async (m) => {
      echoed.length = 0;
      const c = client(m, CANARIES[m], `${echoUrl}/s${status}/${m}`);
      const error = (await record(() => c.listChats())) as SellerChatError;
      expect(error).toBeInstanceOf(SellerChatError);
      expect(error.marketplace).toBe(m);
      // The echoed body did reach the error: only the secrets were taken out of it.
      expect(`${error.message} ${error.marketplaceMessage ?? ''}`).toMatch(/denied|ECHO|\d{3}/);
      expectNoSecrets(secretsOf(m, CANARIES[m]));
      // ...and the server did have canaries to echo: the check above had something to catch.
      expect(echoed.join('')).toContain(tag);
    });
  }
});
