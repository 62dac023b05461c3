// Every flow of examples/node-red/ as shipped, in a real Node-RED runtime against the sandbox:
// only the account addresses and credentials and the URLs of the stand-in services are set, as a
// user would after importing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MarketplaceId } from '@sellerchat/core';
import { startSandbox } from '@sellerchat/sandbox';
import { type JsonReceiver, startJsonReceiver } from '@sellerchat/sandbox/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, coreNodes, type FlowNode, loadExample, nodeNamed } from './support/example-flows.js';
import { allNodes, collect, helper, statuses, until } from './support/node-red.js';
import { type RunningSandbox, sellerMessagesIn, writableChat } from './support/sandbox.js';

const HOUR = 3_600_000;
let sb: RunningSandbox;
let receiver: JsonReceiver | undefined;
let httpNode: (req: unknown, res: unknown) => void;
let front: Server;
let origin: string;

beforeAll(async () => {
  await helper.startServer();
  // The helper's httpNode app has no server of its own: this one puts http-in routes on loopback.
  front = createServer((req, res) => httpNode(req, res));
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
beforeEach(async () => {
  // The sandbox reads the clock through Date.now at every call, so moving the process clock moves it too.
  sb = await startSandbox({ port: 0, seed: 23, chats: 5, now: () => Date.now() });
  const all: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];
  seeded = new Set(all.flatMap((mp) => sb.control.sellerMessages(mp).map((m) => `${mp}:${m.id}`)));
});
afterEach(async () => {
  vi.useRealTimers();
  const failures = errors();
  await helper.unload();
  await receiver?.close();
  receiver = undefined;
  await sb.close();
  // Nothing reached the example's Catch node.
  expect(failures).toEqual([]);
});
afterAll(async () => {
  await helper.stopServer();
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
});

async function deploy(file: string, urls: Record<string, string> = {}): Promise<FlowNode[]> {
  const { flow, credentials } = configure(loadExample(file), sb, urls);
  const capture = (red: { httpNode: typeof httpNode }) => {
    httpNode = red.httpNode;
  };
  await helper.load([...(await allNodes()), ...coreNodes(), capture], flow, credentials);
  caught = collect(nodeNamed(flow, 'errors').id);
  return flow;
}

/** What reached the example's Catch → debug pair: the error messages, for assertions and failures. */
let caught: Array<Record<string, unknown>> = [];
const errors = () =>
  caught.map((m) => (m.error as { message?: string } | undefined)?.message ?? JSON.stringify(m));

/** Waits until every trigger of the flow finished its first poll ("now" is set only then). */
async function firstPolls(flow: FlowNode[]): Promise<void> {
  const triggers = flow.filter((n) => n.type === 'sellerchat-in');
  const seen = triggers.map((t) => statuses(t.id));
  await until(
    () =>
      seen.every((s) => s.some((x) => x.text === 'polling') && s.at(-1)?.text?.startsWith('idle') === true),
    'the first poll of every trigger',
    20_000,
  );
}

/** Seller messages sent since the sandbox started: the seeded history is left out. */
let seeded = new Set<string>();
const sellerTexts = (mp: MarketplaceId, chatId: string) =>
  sellerMessagesIn(sb, mp, chatId)
    .filter((m) => !seeded.has(`${mp}:${m.id}`))
    .map((m) => m.text);

/**
 * Moves the clock of the whole test process: Node-RED, the nodes and the sandbox. The sandbox's
 * own clock shift cannot serve here: Metro signs every request with the client's time and
 * refuses one more than 5 minutes off the server's, so client and server must move together.
 */
function setProcessClock(ms: number): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(ms);
}

/** The next Monday–Friday at 09:00 UTC at least a day ahead: inside Berlin's 9–18 in winter and summer. */
function nextWeekdayMorning(): number {
  const day = new Date(Date.now() + 24 * HOUR);
  day.setUTCHours(9, 0, 0, 0);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.getTime();
}

describe('examples/node-red/auto-reply-business-hours.json', () => {
  it("answers each marketplace's template inside hours and the closed notice outside, once each", async () => {
    const morning = nextWeekdayMorning();
    setProcessClock(morning);
    const flow = await deploy('auto-reply-business-hours.json');
    await firstPolls(flow);
    const marketplaces: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];
    const chats = Object.fromEntries(marketplaces.map((mp) => [mp, writableChat(sb, mp)])) as Record<
      MarketplaceId,
      string
    >;
    const metroOrder = sb.control.threads('metro').find((t) => t.chatId === chats.metro)
      ?.context?.orderNumber;
    expect(metroOrder).toBeTruthy();
    const template: Record<MarketplaceId, string> = {
      metro: `Thank you for your message about order ${metroOrder}. Our team answers within 24 hours.`,
      yandex: 'Спасибо за сообщение! Мы ответим в течение часа.',
      ozon: 'Спасибо за вопрос! Мы ответим в течение часа.',
      storeden: "Grazie per il messaggio! Ti risponderemo entro un'ora.",
    };
    const closed = "We're closed, back at 9:00.";

    for (const mp of marketplaces)
      sb.control.buyerWrite(mp, { chatId: chats[mp], text: 'Do you ship to Vienna?' });
    await until(
      () => marketplaces.every((mp) => sellerTexts(mp, chats[mp]).length >= 1),
      'the daytime answers',
      30_000,
    ).catch((e: Error) => {
      throw new Error(
        `${e.message}: ${JSON.stringify({ errors: errors(), sent: marketplaces.map((mp) => sellerTexts(mp, chats[mp])) })}`,
      );
    });

    // 21:00 UTC the same weekday: 22:00 or 23:00 in Berlin.
    vi.setSystemTime(morning + 12 * HOUR);
    for (const mp of marketplaces) sb.control.buyerWrite(mp, { chatId: chats[mp], text: 'And to Graz?' });
    await until(
      () => marketplaces.every((mp) => sellerTexts(mp, chats[mp]).length >= 2),
      'the night answers',
      30_000,
    );

    for (const mp of marketplaces) expect(sellerTexts(mp, chats[mp]), mp).toEqual([template[mp], closed]);
  }, 90_000);
});

describe('examples/node-red/ai-reply-with-approval.json', () => {
  it('drafts with the model, holds the draft until approved, then sends it once', async () => {
    receiver = await startJsonReceiver({
      answer: (body) => {
        const messages = (body as { messages: Array<{ content: string }> }).messages;
        return {
          object: 'chat.completion',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: `Yes: ${messages.at(-1)?.content}` },
              finish_reason: 'stop',
            },
          ],
        };
      },
    });
    const flow = await deploy('ai-reply-with-approval.json', {
      'draft reply (LLM)': `${receiver.url}/v1/chat/completions`,
    });
    await firstPolls(flow);
    const chatId = writableChat(sb, 'yandex');
    sb.control.buyerWrite('yandex', { chatId, text: 'Is the blue one in stock?' });

    type Draft = { id: string; chatId: string; question: string; draft: string };
    let drafts: Draft[] = [];
    const started = Date.now();
    while (drafts.length === 0 && Date.now() - started < 30_000) {
      drafts = (await (await fetch(`${origin}/sellerchat/drafts`)).json()) as Draft[];
      if (drafts.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(drafts).toEqual([
      expect.objectContaining({
        chatId,
        question: 'Is the blue one in stock?',
        draft: 'Yes: Is the blue one in stock?',
      }),
    ]);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({
      path: '/v1/chat/completions',
      body: {
        model: 'gpt-4o-mini',
        messages: [{ role: 'system' }, { role: 'user', content: 'Is the blue one in stock?' }],
      },
    });

    // The gate holds: nothing reaches the buyer while the draft waits.
    await new Promise((r) => setTimeout(r, 1500));
    expect(sellerTexts('yandex', chatId)).toEqual([]);

    const approve = () => fetch(`${origin}/sellerchat/drafts/${drafts[0]!.id}/approve`, { method: 'POST' });
    const first = await approve();
    expect(first.status).toBe(200);
    await until(() => sellerTexts('yandex', chatId).length > 0, 'the approved answer');
    expect((await approve()).status).toBe(404);
    expect(await (await fetch(`${origin}/sellerchat/drafts`)).json()).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(sellerTexts('yandex', chatId)).toEqual(['Yes: Is the blue one in stock?']);
  }, 90_000);

  it('sends the edited text when the approval carries one, and nothing after a rejection', async () => {
    receiver = await startJsonReceiver({
      answer: () => ({ choices: [{ message: { role: 'assistant', content: 'model draft' } }] }),
    });
    const flow = await deploy('ai-reply-with-approval.json', { 'draft reply (LLM)': `${receiver.url}/v1` });
    await firstPolls(flow);
    const threads = sb.control.threads('yandex').filter((t) => !/closed|finished/i.test(t.status));
    const [a, b] = [threads[0]!.chatId, threads[1]!.chatId];
    sb.control.buyerWrite('yandex', { chatId: a, text: 'first' });
    sb.control.buyerWrite('yandex', { chatId: b, text: 'second' });
    let drafts: Array<{ id: string; chatId: string }> = [];
    const started = Date.now();
    while (drafts.length < 2 && Date.now() - started < 30_000) {
      drafts = (await (await fetch(`${origin}/sellerchat/drafts`)).json()) as typeof drafts;
      if (drafts.length < 2) await new Promise((r) => setTimeout(r, 200));
    }
    const idOf = (chat: string) => drafts.find((d) => d.chatId === chat)!.id;
    const edited = await fetch(`${origin}/sellerchat/drafts/${idOf(a)}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'edited by a person' }),
    });
    expect(edited.status).toBe(200);
    expect((await fetch(`${origin}/sellerchat/drafts/${idOf(b)}/reject`, { method: 'POST' })).status).toBe(
      200,
    );
    await until(() => sellerTexts('yandex', a).length > 0, 'the edited answer');
    await new Promise((r) => setTimeout(r, 500));
    expect(sellerTexts('yandex', a)).toEqual(['edited by a person']);
    expect(sellerTexts('yandex', b)).toEqual([]);
  }, 90_000);
});

describe('examples/node-red/unseen-digest.json', () => {
  it('posts one digest naming the unseen Metro and Ozon chats', async () => {
    const metroChat = writableChat(sb, 'metro');
    const ozonChat = writableChat(sb, 'ozon');
    sb.control.buyerWrite('metro', { chatId: metroChat, text: 'hello?' });
    sb.control.buyerWrite('ozon', { chatId: ozonChat, text: 'hello?' });
    receiver = await startJsonReceiver();
    const flow = await deploy('unseen-digest.json', { 'post digest': `${receiver.url}/digest` });
    helper.getNode(nodeNamed(flow, 'every hour').id).receive({});
    await until(() => receiver!.received.length > 0, 'the digest');
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(1);
    const digest = receiver.received[0]!.body as {
      text: string;
      chats: Array<{ marketplace: string; chatId: string; unread: number }>;
    };
    expect(receiver.received[0]!.path).toBe('/digest');
    const keys = digest.chats.map((c) => `${c.marketplace}:${c.chatId}`);
    expect(keys).toContain(`metro:${metroChat}`);
    expect(keys).toContain(`ozon:${ozonChat}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const chat of digest.chats) expect(chat.unread).toBeGreaterThan(0);
    expect(digest.text).toContain(`${digest.chats.length} chats with unseen buyer messages`);
    expect(digest.text).toContain(`metro chat ${metroChat}`);
  });
});

describe('examples/node-red/sla-escalation.json', () => {
  it('alerts once about exactly the Metro OVER_SLA chats and the Yandex chats waiting over 24 hours', async () => {
    const metro = sb.control.threads('metro');
    // Chats the seller answered last: a buyer message starts Metro's 48-hour clock anew.
    const answered = metro.filter((t) => t.status === 'WAITING_FOR_BUYER').map((t) => t.chatId);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    const [agedMetro, freshMetro] = [answered[0]!, answered[1]!];
    const yandex = sb.control
      .threads('yandex')
      .filter((t) => /WAITING_FOR_(PARTNER|CUSTOMER)/.test(t.status));
    const [agedYandex, freshYandex] = [yandex[0]!.chatId, yandex[1]!.chatId];

    // Written now and answered by nobody for 50 hours.
    setProcessClock(Date.now());
    sb.control.buyerWrite('metro', { chatId: agedMetro, text: 'still waiting' });
    sb.control.buyerWrite('yandex', { chatId: agedYandex, text: 'still waiting' });
    vi.setSystemTime(Date.now() + 50 * HOUR);
    sb.control.buyerWrite('metro', { chatId: freshMetro, text: 'just now' });
    sb.control.buyerWrite('yandex', { chatId: freshYandex, text: 'just now' });

    const limit = Date.now() - 24 * HOUR;
    const expected = [
      ...sb.control
        .threads('metro')
        .filter((t) => t.status === 'OVER_SLA')
        .map((t) => `metro:${t.chatId}`),
      ...sb.control
        .threads('yandex')
        .filter((t) => t.status === 'WAITING_FOR_PARTNER' && Date.parse(t.lastMessageAt ?? '') < limit)
        .map((t) => `yandex:${t.chatId}`),
    ].sort();
    expect(expected).toContain(`metro:${agedMetro}`);
    expect(expected).toContain(`yandex:${agedYandex}`);
    expect(expected).not.toContain(`metro:${freshMetro}`);
    expect(expected).not.toContain(`yandex:${freshYandex}`);

    receiver = await startJsonReceiver();
    const flow = await deploy('sla-escalation.json', { 'post alert': `${receiver.url}/alert` });
    helper.getNode(nodeNamed(flow, 'every hour').id).receive({});
    await until(() => receiver!.received.length > 0, 'the alert');
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(1);
    const alert = receiver.received[0]!.body as { chats: Array<{ marketplace: string; chatId: string }> };
    expect(alert.chats.map((c) => `${c.marketplace}:${c.chatId}`).sort()).toEqual(expected);
  });
});
