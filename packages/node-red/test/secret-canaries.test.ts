// Secret canaries in a real Node-RED runtime, beyond sellerchat-account.test.ts (which covers the
// sandbox refusing canaries in sellerchat-in and -send): successful flows, every secret field a
// canary (Ozon's Client-Id too), the runtime's log, and a server that echoes the credentials
// back in its error body. Nothing may show in a log line, a status, a caught msg or its error,
// an output msg, or the flows the runtime would export.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { MarketplaceId } from '@sellerchat/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountCredentials } from '../src/lib/account-settings.js';
import type { NodeMessage, NodeStatus } from '../src/lib/red.js';
import { allNodes, collect, helper, onTab, statuses, until } from './support/node-red.js';
import {
  accountNode,
  MARKETPLACE_LIST,
  openSandbox,
  type RunningSandbox,
  sandboxCredentials,
  writableChat,
} from './support/sandbox.js';

const tag = randomUUID().slice(0, 8);
const canary = (m: MarketplaceId, field: string) => `CANARY-${m}-${field}-${tag}`;

/** Every secret field of the account; Yandex's business id is a number in a path, not a secret. */
function canaries(m: MarketplaceId): AccountCredentials {
  switch (m) {
    case 'metro':
      return { metroClientKey: canary(m, 'key'), metroClientSecret: canary(m, 'secret') };
    case 'yandex':
      return { yandexBusinessId: '11223344', yandexApiKey: `ACMA:${canary(m, 'apikey')}` };
    case 'ozon':
      return { ozonClientId: canary(m, 'clientid'), ozonApiKey: canary(m, 'apikey') };
    case 'storeden':
      return { storedenKey: canary(m, 'key'), storedenExchange: canary(m, 'exchange') };
  }
}

let sb: RunningSandbox;
let echo: Server;
let echoUrl: string;
/** What the echo server answered: proof that the canaries were sent and echoed back. */
const echoed: string[] = [];

beforeAll(async () => {
  sb = await openSandbox(3);
  // Repeats the request's headers and URL in an error body, in the shapes the marketplaces use.
  echo = createServer((req, res) => {
    const said = `denied: ${JSON.stringify({ url: req.url, headers: req.headers })}`;
    echoed.push(said);
    req.resume();
    req.on('end', () => {
      res.statusCode = 401;
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
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
});
afterAll(async () => {
  await helper.stopServer();
  echo.closeAllConnections();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
  await sb.close();
});

interface Seen {
  out: NodeMessage[];
  caught: NodeMessage[];
  statuses: NodeStatus[];
}

/** account → send and list (each to `out`), and a Catch; the account's server as given. */
async function load(m: MarketplaceId, credentials: AccountCredentials, baseUrl?: string): Promise<Seen> {
  const account = baseUrl
    ? { ...accountNode(sb, m), server: 'custom', baseUrl: `${baseUrl}/${m}` }
    : accountNode(sb, m);
  const flow = onTab([
    account,
    { id: 'send', type: 'sellerchat-send', account: account.id, chat: writableChat(sb, m), wires: [['out']] },
    { id: 'list', type: 'sellerchat-list', account: account.id, what: 'chats', all: true, wires: [['out']] },
    { id: 'out', type: 'helper' },
    { id: 'catch', type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
    { id: 'caught', type: 'helper' },
  ]);
  await helper.load(await allNodes(), flow, { [account.id]: credentials });
  const seen: Seen = { out: collect('out'), caught: collect('caught'), statuses: [] };
  const sendStatuses = statuses('send');
  const listStatuses = statuses('list');
  helper.getNode('send').receive({ payload: 'canary check' });
  helper.getNode('list').receive({});
  await until(() => seen.out.length + seen.caught.length >= 2, 'both nodes to finish');
  await until(
    () => [sendStatuses.at(-1), listStatuses.at(-1)].every((s) => s !== undefined && s.text !== 'sending'),
    'settled statuses',
  );
  seen.statuses = [...sendStatuses, ...listStatuses];
  return seen;
}

/** Everything the runtime and the nodes produced, in the forms a user could see or export. */
function everything(seen: Seen): string {
  const errorsOf = (id: string) =>
    ((helper.getNode(id) as unknown as { error: { args: unknown[][] } }).error?.args ?? []).map((a) =>
      a.map((x) => (x instanceof Error ? `${String(x)}\n${x.stack}` : inspect(x, { depth: 8 }))).join(' '),
    );
  const logSpy = (helper as unknown as { log(): { args: unknown[][] } }).log();
  return [
    inspect(seen.out, { depth: 10 }),
    JSON.stringify(seen.caught),
    inspect(seen.caught, { depth: 10 }),
    ...seen.caught.map((m) => {
      const e = m.error as Error | undefined;
      return e ? `${e.message}\n${e.stack ?? ''}\n${String(e)}` : '';
    }),
    JSON.stringify(seen.statuses),
    ...errorsOf('send'),
    ...errorsOf('list'),
    inspect(logSpy.args, { depth: 8 }),
    JSON.stringify(helper._redNodes.getFlows()),
  ].join('\n');
}

const secretsOf = (credentials: AccountCredentials) =>
  Object.entries(credentials)
    .filter(([field]) => field !== 'yandexBusinessId')
    .map(([, v]) => String(v).replace(/^ACMA:/, ''));

describe('secret canaries in Node-RED flows', () => {
  for (const m of MARKETPLACE_LIST) {
    it(`${m}: a successful send and list leave none of the working secrets behind`, async () => {
      const credentials = sandboxCredentials(sb, m);
      const seen = await load(m, credentials);
      expect(seen.caught).toEqual([]);
      expect(seen.out).toHaveLength(2);
      // Ozon's numeric Client-Id is also the seller id in its chat data: it is a canary below.
      const secrets = secretsOf(credentials).filter((s) => !/^\d+$/.test(s));
      const text = everything(seen);
      for (const secret of secrets) expect(text).not.toContain(secret);
    });

    it(`${m}: canaries in every secret field, refused by the sandbox, show nowhere`, async () => {
      const credentials = canaries(m);
      const seen = await load(m, credentials);
      expect(seen.caught.map((c) => (c.sellerchat as { error: { kind: string } }).error.kind)).toEqual([
        'auth',
        'auth',
      ]);
      const text = everything(seen);
      for (const secret of secretsOf(credentials)) expect(text).not.toContain(secret);
      expect(text).not.toContain(tag);
    });

    it(`${m}: a server echoing the credentials back in its error body leaks no canary`, async () => {
      const credentials = canaries(m);
      echoed.length = 0;
      const seen = await load(m, credentials, echoUrl);
      expect(seen.caught).toHaveLength(2);
      const text = everything(seen);
      // The echoed body did reach the flow: only the secrets were taken out of it.
      expect(text).toMatch(/denied|ECHO/);
      for (const secret of secretsOf(credentials)) expect(text).not.toContain(secret);
      expect(text).not.toContain(tag);
      // ...and the server did have canaries to echo: the check above had something to catch.
      expect(echoed.join('')).toContain(tag);
    });
  }
});
