// One limiter per marketplace account across n8n executions: concurrent executions of the
// SellerChat node for one Ozon account stay under Ozon's 50 requests/s together (the sandbox
// enforces it per Client-Id, as Ozon does), accounts do not share a queue, and the registry
// cannot grow without bound.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Limiter } from '@sellerchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountLimiter,
  accountLimiterCount,
  MAX_ACCOUNTS,
} from '../nodes/SellerChat/transport/account-limiters.js';
import { runNode } from './harness/engine.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

const EXECUTIONS = 3;
const MESSAGES_PER_EXECUTION = 40;

let sandbox: Sandbox;
/** Every status the sandbox answered for Ozon's API, in order. */
const ozonStatuses: number[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox(60);
  sandbox.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!(req.url ?? '').startsWith('/ozon/')) return;
    res.on('finish', () => ozonStatuses.push(res.statusCode));
  });
});
afterAll(async () => {
  await sandbox?.close();
});

/** Open FBS buyer chats: the ones where Ozon lets the seller write now. */
function writableOzonChats(): string[] {
  return sandbox.control
    .threads('ozon')
    .filter((t) => !/closed|archived|finished|arbiter/i.test(t.status))
    .filter((t) => t.context?.scheme !== 'FBO' && t.context?.chatType !== 'Seller_Support')
    .map((t) => t.chatId);
}

/** Starts `count` requests that stay in flight until released. */
function holdSlots(limiter: Limiter, count: number) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const runs = Array.from({ length: count }, () => limiter.run('write', () => gate));
  return async () => {
    release();
    await Promise.all(runs);
  };
}

/** Lets promise callbacks queued by the limiter run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SellerChat node: one limiter per account across executions', () => {
  it(`${EXECUTIONS} concurrent executions sending ${MESSAGES_PER_EXECUTION} messages each to one Ozon account get no 429`, async () => {
    expect(Number(sandbox.control.settings('ozon').rateLimitPerSecond)).toBe(50);
    const chats = writableOzonChats();
    expect(chats.length).toBeGreaterThan(5);
    // A buyer message opens the chat's reply window, as in an auto-reply flow.
    for (const chatId of chats) sandbox.control.buyerWrite('ozon', { chatId, text: 'hello?' });
    const before = sandbox.control.sellerMessages('ozon').length;
    const from = ozonStatuses.length;
    const texts: string[] = [];
    const runs = Array.from({ length: EXECUTIONS }, (_, e) => {
      const items = Array.from({ length: MESSAGES_PER_EXECUTION }, (_, i) => {
        const text = `execution ${e} message ${i}`;
        texts.push(text);
        return { json: { chatId: chats[(e * MESSAGES_PER_EXECUTION + i) % chats.length]!, text } };
      });
      return runNode(
        {
          parameters: {
            marketplace: 'ozon',
            resource: 'message',
            operation: 'send',
            chatId: '={{ $json.chatId }}',
            text: '={{ $json.text }}',
          },
          credentials: sandboxCredentials(sandbox, 'ozon'),
        },
        items,
      );
    });
    const results = await Promise.all(runs);
    for (const result of results) {
      expect(result.error?.message).toBeUndefined();
      expect(result.items).toHaveLength(MESSAGES_PER_EXECUTION);
    }
    const answers = ozonStatuses.slice(from);
    // 120 sends in parallel executions: alone, each execution's limiter would allow 50/s.
    expect(answers.filter((status) => status === 429)).toEqual([]);
    expect(answers).toHaveLength(EXECUTIONS * MESSAGES_PER_EXECUTION);
    const stored = sandbox.control
      .sellerMessages('ozon')
      .slice(before)
      .map((m) => m.text);
    expect(stored.sort()).toEqual(texts.sort());
  });
});

describe('account limiter registry', () => {
  const base = 'https://api-seller.ozon.ru';

  it('gives every client of one account the same limiter, and each account its own', () => {
    const a = accountLimiter('ozon', base, '1001');
    expect(accountLimiter('ozon', base, '1001')).toBe(a);
    expect(accountLimiter('ozon', base, '1002')).not.toBe(a);
    expect(accountLimiter('ozon', 'http://127.0.0.1:4010/ozon', '1001')).not.toBe(a);
    expect(accountLimiter('yandex', base, '1001')).not.toBe(a);
  });

  it('two Client-Ids do not slow each other: one at its limit leaves the other free', async () => {
    const busy = accountLimiter('ozon', base, '2001');
    const other = accountLimiter('ozon', base, '2002');
    const release = holdSlots(busy, 50);
    await settle();
    let ranOnBusy = false;
    const waiting = busy.run('write', async () => {
      ranOnBusy = true;
    });
    await settle();
    expect(busy.active).toBe(50);
    expect(busy.waiting).toBe(1);
    expect(ranOnBusy).toBe(false);
    // The other account's request runs at once, while the first account's 51st still waits.
    await expect(other.run('write', async () => 'sent')).resolves.toBe('sent');
    expect(busy.waiting).toBe(1);
    await release();
    // The 51st runs once the first second has passed since the earlier ones finished.
    await waiting;
    expect(ranOnBusy).toBe(true);
  });

  it(`keeps at most ${MAX_ACCOUNTS} accounts, dropping the least recently used idle one first`, async () => {
    const inUse = accountLimiter('ozon', base, 'in-use');
    const release = holdSlots(inUse, 1);
    await settle();
    const early = accountLimiter('ozon', base, 'early');
    for (let i = 0; i < MAX_ACCOUNTS * 1.5; i++) accountLimiter('storeden', base, `account-${i}`);
    expect(accountLimiterCount()).toBe(MAX_ACCOUNTS);
    // The busy one stayed though it is older than every idle one; the idle early one was dropped.
    expect(accountLimiter('ozon', base, 'in-use')).toBe(inUse);
    expect(accountLimiter('ozon', base, 'early')).not.toBe(early);
    expect(accountLimiterCount()).toBe(MAX_ACCOUNTS);
    await release();
  });
});
