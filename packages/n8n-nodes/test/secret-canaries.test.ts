// Secret canaries through the SellerChat node in n8n's real engine: a unique string in every
// secret field of all four credentials, and none may show in the execution data the engine
// returns, the node's error (message, description, stack, String(), JSON), its continue-on-fail
// output, or any log line (n8n's LoggerProxy and the console): when calls succeed, when the
// sandbox refuses the canaries, and when a server echoes the request's credentials back.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import { LoggerProxy } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type NodeRun, runNode } from './harness/engine.js';
import { CREDENTIAL_TYPE, type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

const tag = randomUUID().slice(0, 8);
const canary = (m: MarketplaceId, field: string) => `CANARY-${m}-${field}-${tag}`;

/** Every secret field of each credential type; Yandex's business id is a number in a path. */
const CANARIES: Record<MarketplaceId, Record<string, string>> = {
  metro: { clientKey: canary('metro', 'clientKey'), clientSecret: canary('metro', 'clientSecret') },
  yandex: { apiKey: `ACMA:${canary('yandex', 'apiKey')}`, businessId: '424242' },
  ozon: { clientId: canary('ozon', 'clientId'), apiKey: canary('ozon', 'apiKey') },
  storeden: { key: canary('storeden', 'key'), exchange: canary('storeden', 'exchange') },
};

let sandbox: Sandbox;
let echo: Server;
let echoUrl: string;
/** What the echo server answered: proof that the canaries were sent and echoed back. */
const echoed: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox(3);
  // Repeats the request's headers and URL in an error body, in the shapes the marketplaces use.
  echo = createServer((req, res) => {
    const status = Number(/^\/s(\d{3})\//.exec(req.url ?? '')?.[1] ?? 401);
    const said = `denied: ${JSON.stringify({ url: req.url, headers: req.headers })}`;
    echoed.push(said);
    req.resume();
    req.on('end', () => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          status: 'ERROR',
          message: said,
          error: { code: 'ECHO', message: said },
          errors: [{ code: 'ECHO', message: said }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  const keep = (message: string, meta?: object) => logged.push(message, inspect(meta, { depth: 8 }));
  LoggerProxy.init({ error: keep, warn: keep, info: keep, debug: keep } as never);
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 8 }))).join(' '));
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise<void>((resolve) => echo?.close(() => resolve()));
  await sandbox?.close();
});
afterEach(() => {
  logged.length = 0;
});

/** Everything a run left behind, in every form a host might print or store. */
function everything(run: NodeRun): string {
  const e = run.error;
  return [
    JSON.stringify(run.run, (_key, v) =>
      v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
    ),
    inspect(run.run, { depth: 12 }),
    JSON.stringify(run.items ?? []),
    e
      ? [e.message, e.description ?? '', e.stack ?? '', String(e), JSON.stringify(e), inspect(e)].join('\n')
      : '',
    ...logged,
  ].join('\n');
}

function expectNone(text: string, secrets: string[]): void {
  expect(text.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toContain(tag);
}

const canarySecrets = (m: MarketplaceId) =>
  Object.values(CANARIES[m])
    .filter((v) => v.includes(tag))
    .map((v) => v.replace(/^ACMA:/, ''));

function canaryRun(m: MarketplaceId, baseUrl: string, continueOnFail: boolean) {
  return runNode({
    parameters: { marketplace: m, resource: 'chat', operation: 'getAll', returnAll: true },
    credentials: { [CREDENTIAL_TYPE[m]]: { ...CANARIES[m], baseUrl } },
    continueOnFail,
  });
}

describe('secret canaries in the SellerChat node', () => {
  it.each(MARKETPLACES)('%s: successful calls leave none of the working secrets behind', async (m) => {
    const credentials = sandboxCredentials(sandbox, m);
    const values = Object.values(credentials[CREDENTIAL_TYPE[m]]!) as string[];
    // The long secrets; short values (Ozon's numeric Client-Id, the business id) are ids that
    // the marketplace's own data also holds, and are checked as canaries below.
    const secrets = values
      .filter((v) => v.length > 12 && !v.startsWith('http'))
      .map((v) => v.replace(/^ACMA:/, ''));
    expect(secrets.length).toBeGreaterThan(0);
    const chatId = sandbox.control.threads(m)[0]!.chatId;
    const chats = await runNode({
      parameters: { marketplace: m, resource: 'chat', operation: 'getAll', returnAll: true },
      credentials,
    });
    expect(chats.error).toBeUndefined();
    const messages = await runNode({
      parameters: { marketplace: m, resource: 'message', operation: 'getAll', chatId, returnAll: true },
      credentials,
    });
    expect(messages.items?.length).toBeGreaterThan(0);
    expectNone(everything(chats) + everything(messages), secrets);
  });

  it.each(MARKETPLACES)('%s: the sandbox refuses the canaries, and the error holds none', async (m) => {
    const failed = await canaryRun(m, `${sandbox.url}/${m}`, false);
    expect(failed.error?.name).toBe('NodeApiError');
    const continued = await canaryRun(m, `${sandbox.url}/${m}`, true);
    expect(continued.items?.[0]?.json).toMatchObject({ kind: 'auth', marketplace: m });
    expectNone(everything(failed) + everything(continued), canarySecrets(m));
  });

  for (const status of [400, 401, 500]) {
    it.each(MARKETPLACES)(`%s: a ${status} that echoes the credentials back holds no canary`, async (m) => {
      echoed.length = 0;
      const baseUrl = `${echoUrl}/s${status}/${m}`;
      const failed = await canaryRun(m, baseUrl, false);
      // A 400 is the marketplace calling the input bad: the core's kind validation, n8n's NodeOperationError.
      expect(failed.error?.name).toBe(status === 400 ? 'NodeOperationError' : 'NodeApiError');
      const continued = await canaryRun(m, baseUrl, true);
      expect(continued.items?.[0]?.json).toMatchObject({ marketplace: m });
      // The echoed body did reach the node: only the secrets were taken out of it.
      expect(everything(continued)).toMatch(/denied|ECHO/);
      expectNone(everything(failed) + everything(continued), canarySecrets(m));
      // ...and the server did have canaries to echo: the check above had something to catch.
      expect(echoed.join('')).toContain(tag);
    });
  }
});
