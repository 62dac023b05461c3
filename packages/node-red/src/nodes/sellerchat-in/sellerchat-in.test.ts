import type { MarketplaceId } from '@sellerchat/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allNodes, collect, helper, onTab, statuses, until } from '../../../test/support/node-red.js';
import {
  accountNode,
  MARKETPLACE_LIST,
  openSandbox,
  type RunningSandbox,
  sandboxCredentials,
  sellerMessagesIn,
  writableChat,
} from '../../../test/support/sandbox.js';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await openSandbox();
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
  sb.control.clearFaults();
});
afterAll(async () => {
  await helper.stopServer();
  await sb.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function triggerFlow(
  marketplace: MarketplaceId,
  trigger: Record<string, unknown> = {},
  extra: Array<Record<string, unknown>> = [],
) {
  const account = accountNode(sb, marketplace);
  return onTab([
    account,
    {
      id: 'in',
      type: 'sellerchat-in',
      account: account.id,
      events: 'messages',
      interval: 1,
      wires: [['out']],
      ...trigger,
    },
    { id: 'out', type: 'helper' },
    { id: 'catch', type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
    { id: 'caught', type: 'helper' },
    ...extra,
  ]);
}

async function load(marketplace: MarketplaceId, flow: object[]) {
  await helper.load(await allNodes(), flow, { [`acc-${marketplace}`]: sandboxCredentials(sb, marketplace) });
}

/** Waits for a whole poll (polling, then idle) after this call. */
async function pollDone(seen: Array<{ text?: string }>, from = seen.length): Promise<void> {
  await until(() => {
    const later = seen.slice(from).map((s) => s.text);
    const p = later.indexOf('polling');
    return p >= 0 && later.slice(p).some((t) => t === 'idle');
  }, 'a completed poll');
}

describe('sellerchat-in polls the sandbox', () => {
  for (const marketplace of MARKETPLACE_LIST) {
    it(`${marketplace}: a buyer message becomes exactly one msg with the reply context`, async () => {
      await load(marketplace, triggerFlow(marketplace));
      const seen = statuses('in');
      const out = collect('out');
      await pollDone(seen);
      expect(out).toHaveLength(0); // first run 'now': nothing old floods the flow
      const chatId = writableChat(sb, marketplace);
      const text = `Is it in stock? (${marketplace} ${Date.now()})`;
      const { messageId } = sb.control.buyerWrite(marketplace, { chatId, text });
      await until(() => out.length > 0, 'the trigger output');
      await pollDone(seen);
      await pollDone(seen);
      expect(out).toHaveLength(1);
      const msg = out[0]!;
      expect(msg.payload).toBe(text);
      expect(msg.topic).toBe(chatId);
      const event = msg.sellerchat as { type: string; id: string; message: { id: string }; reply: object };
      expect(event.type).toBe('message.received');
      expect(typeof event.id).toBe('string');
      expect(event.message.id).toBe(messageId);
      expect(event.reply).toEqual({ marketplace, chatId, messageId });
    });
  }

  it('new chat: a chat a buyer opens becomes one chat.created msg', async () => {
    await load('yandex', triggerFlow('yandex', { events: 'chats' }));
    const seen = statuses('in');
    const out = collect('out');
    await pollDone(seen);
    const { chatId } = sb.control.buyerOpenChat('yandex', { text: 'Hello, a question about delivery' });
    await until(() => out.length > 0, 'the chat.created msg');
    await pollDone(seen);
    expect(out).toHaveLength(1);
    expect(out[0]!.topic).toBe(chatId);
    expect((out[0]!.sellerchat as { type: string }).type).toBe('chat.created');
  });

  it('first run "unread" emits the buyer messages nobody answered yet, once', async () => {
    const chatId = writableChat(sb, 'storeden');
    sb.control.buyerWrite('storeden', { chatId, text: 'Still waiting for an answer' });
    await load('storeden', triggerFlow('storeden', { firstRun: 'unread' }));
    const seen = statuses('in');
    const out = collect('out');
    await pollDone(seen, 0);
    await pollDone(seen);
    expect(out.some((m) => m.payload === 'Still waiting for an answer' && m.topic === chatId)).toBe(true);
    const ids = out.map((m) => (m.sellerchat as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('trigger → send answers in the same chat with nothing configured, exactly once', async () => {
    const flow = triggerFlow('ozon', { wires: [['send', 'out']] }, [
      { id: 'send', type: 'sellerchat-send', account: 'acc-ozon', chat: '', wires: [['sent']] },
      { id: 'sent', type: 'helper' },
    ]);
    await load('ozon', flow);
    const seen = statuses('in');
    const out = collect('out');
    const sent = collect('sent');
    await pollDone(seen);
    const chatId = writableChat(sb, 'ozon');
    const before = sellerMessagesIn(sb, 'ozon', chatId).length;
    sb.control.buyerWrite('ozon', { chatId, text: 'Can you ship today?' });
    await until(() => sent.length > 0, 'the reply to be sent');
    await pollDone(seen);
    await pollDone(seen);
    expect(out).toHaveLength(1);
    const replies = sellerMessagesIn(sb, 'ozon', chatId).slice(before);
    expect(replies.map((m) => m.text)).toEqual(['Can you ship today?']);
  });

  it('shows rate-limited with the wait while the client waits out a Retry-After, then idle', async () => {
    await load('storeden', triggerFlow('storeden'));
    const seen = statuses('in');
    await pollDone(seen);
    sb.control.addFault({
      marketplace: 'storeden',
      kind: 'rate-limit',
      status: 509,
      retryAfter: 1,
      times: 1,
    });
    await until(
      () => seen.some((s) => s.text === 'rate-limited: waiting 1 s'),
      'the rate-limit status',
      8000,
    );
    const at = seen.findIndex((s) => s.text === 'rate-limited: waiting 1 s');
    expect(seen[at]).toMatchObject({ fill: 'yellow', shape: 'ring' });
    await until(() => seen.slice(at).some((s) => s.text === 'idle'), 'idle after the wait');
  });

  it('a Retry-After longer than the client waits pauses polling for that long and says so', async () => {
    await load('yandex', triggerFlow('yandex'));
    const seen = statuses('in');
    await pollDone(seen);
    sb.control.addFault({ marketplace: 'yandex', kind: 'rate-limit', status: 420, retryAfter: 120 });
    await until(
      () => seen.some((s) => s.text === 'rate-limited: waiting 2 min'),
      'the long rate-limit status',
      8000,
    );
    const from = seen.length;
    await sleep(1500);
    // No poll during the wait, although the interval is 1 s.
    expect(seen.slice(from).map((s) => s.text)).not.toContain('polling');
  });

  it('a failing poll shows the error and reaches Catch once, not once per interval', async () => {
    await load('storeden', triggerFlow('storeden'));
    const seen = statuses('in');
    const caught = collect('caught');
    await pollDone(seen);
    sb.control.addFault({ marketplace: 'storeden', kind: 'status', status: 500 });
    await until(() => seen.filter((s) => s.fill === 'red').length >= 2, 'two failed polls', 15_000);
    expect(caught).toHaveLength(1);
    expect((caught[0]!.sellerchat as { error: { kind: string } }).error.kind).toBe('marketplace');
    expect(seen.find((s) => s.fill === 'red')?.text).toMatch(/^marketplace: /);
  });

  it('refuses an interval out of range naming the field, and does not poll', async () => {
    await load('storeden', triggerFlow('storeden', { interval: 0 }));
    const seen = statuses('in');
    await sleep(300);
    expect(seen.map((s) => s.text)).not.toContain('polling');
    const node = helper.getNode('in') as unknown as { error: { args: unknown[][] } };
    const logged = node.error.args.map((a) => String(a[0]));
    expect(
      logged.some((e) => /poll interval must be a whole number of seconds from 1 to 86400/.test(e)),
    ).toBe(true);
  });

  it('push is refused for a marketplace that has none (Storeden), before anything is mounted', async () => {
    await load('storeden', triggerFlow('storeden', { push: true, pushPath: '/sellerchat/storeden' }));
    const node = helper.getNode('in') as unknown as { error: { args: unknown[][] } };
    await until(() => node.error.args.length > 0, 'the refusal');
    expect(String(node.error.args[0]![0])).toMatch(/Storeden does not offer push notifications/);
  });
});
