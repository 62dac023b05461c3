import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CountingTransport } from '../marketplaces/shared/testing/counting-transport.js';
import type { YandexClient } from '../marketplaces/yandex/client.js';
import type { PushRequest } from './push-common.js';
import { handleYandexPush } from './push-yandex.js';
import type { WatcherState } from './state.js';
import { TestHost } from './testing/host.js';
import { type Receiver, startReceiver } from './testing/receiver.js';
import { buyerChats, openWatcherSandbox, type WatcherSandbox } from './testing/sandbox-harness.js';

let ws: WatcherSandbox;
let receiver: Receiver;
let client: YandexClient;
let counter: CountingTransport;
let host: TestHost;

const handler = (state: WatcherState | undefined, request: PushRequest) =>
  handleYandexPush(client, state, request, {
    clock: { now: () => ws.now() },
    name: 'SellerChat test',
    version: '0.1.0',
  });

beforeAll(async () => {
  ws = await openWatcherSandbox(10);
  receiver = await startReceiver((request) => host.push(handler, request));
});
afterAll(async () => {
  await receiver?.close();
  await ws?.close();
});
beforeEach(async () => {
  ws.sb.control.clearPush('yandex');
  ws.sb.control.seed({ seed: 7, chats: 10 });
  ws.advance(60_000);
  ({ client, counter } = ws.client('yandex'));
  host = new TestHost(client);
  await host.poll();
});
afterEach(async () => {
  ws.sb.control.clearFaults();
  await ws.sb.control.pushIdle();
});

const body = (o: Record<string, unknown>): PushRequest => ({ headers: {}, body: JSON.stringify(o) });
const lastDelivery = () => ws.sb.control.pushDeliveries('yandex').at(-1)!;
/** Deliveries recorded after `from` (records outlive a reseed, and ids start again). */
const deliveriesSince = (from: number, messageId: string) =>
  ws.sb.control
    .pushDeliveries('yandex')
    .slice(from)
    .filter((d) => (d.body as { messageId?: string }).messageId === messageId);

describe('Yandex push', () => {
  it('answers PING with {version, name, time} and asks Yandex nothing', async () => {
    counter.reset();
    const result = await handler(
      undefined,
      body({ notificationType: 'PING', time: '2026-03-02T09:00:00.213Z' }),
    );
    expect(result.response.status).toBe(200);
    expect(result.response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(result.response.body)).toEqual({
      version: '0.1.0',
      name: 'SellerChat test',
      time: new Date(ws.now()).toISOString(),
    });
    expect(counter.requests).toHaveLength(0);
    // And the sandbox, playing Market, accepts that reply to its own PING.
    ws.sb.control.setPush('yandex', { url: receiver.url });
    await ws.sb.control.pushIdle();
    expect(lastDelivery()).toMatchObject({ ok: true, body: { notificationType: 'PING' } });
  });

  it('refuses a body that is not a notification with 400 WRONG_EVENT_FORMAT', async () => {
    for (const text of ['not json', JSON.stringify({ notificationType: 'CHAT_MESSAGE_SENT', chatId: 1 })]) {
      const result = await handler(undefined, { headers: {}, body: text });
      expect(result.response.status).toBe(400);
      expect(JSON.parse(result.response.body)).toEqual({
        error: { type: 'WRONG_EVENT_FORMAT', message: expect.stringContaining('Yandex Market notification') },
      });
      expect(result.events).toEqual([]);
    }
  });

  it('turns CHAT_MESSAGE_SENT into the full message; the reconcile poll neither repeats it nor misses a lost one', async () => {
    ws.sb.control.setPush('yandex', { url: receiver.url });
    const [a, b] = buyerChats(ws, 'yandex');
    ws.advance(1_000);
    const pushed = ws.write('yandex', a!, 'pushed to us');
    await ws.sb.control.pushIdle();
    expect(
      host.delivered.map((e) => [e.type, e.source, e.type === 'message.received' ? e.message.text : '']),
    ).toEqual([['message.received', 'push', 'pushed to us']]);
    expect(lastDelivery()).toMatchObject({ ok: true, body: { notificationType: 'CHAT_MESSAGE_SENT' } });
    ws.sb.control.clearPush('yandex');
    ws.advance(1_000);
    const lost = ws.write('yandex', b!, 'notification lost');
    await host.poll();
    await host.poll();
    expect(host.messages()).toEqual([pushed, lost]);
  });

  it('a push before any poll emits the notified message once, though its sentAt has milliseconds and the API whole seconds', async () => {
    // A host that never polled: no saved state, so the push alone sets where "new" starts.
    host = new TestHost(client);
    ws.sb.control.setPush('yandex', { url: receiver.url });
    const [a] = buyerChats(ws, 'yandex');
    ws.advance(1_234);
    const m = ws.write('yandex', a!, 'first thing this host ever hears');
    await ws.sb.control.pushIdle();
    const sent = ws.sb.control.pushDeliveries('yandex').at(-1)!.body as { sentAt: string };
    expect(sent.sentAt).toMatch(/\.\d*[1-9]\d*Z$/);
    expect(host.delivered.map((e) => [e.type, e.type === 'message.received' ? e.message.id : ''])).toEqual([
      ['message.received', m],
    ]);
    await host.poll();
    expect(host.messages()).toEqual([m]);
    // Back to whole seconds for the tests after this one.
    ws.advance(766);
  });

  it('a CHAT_CREATED before any poll announces the new chat and its first message once', async () => {
    host = new TestHost(client);
    ws.sb.control.setPush('yandex', { url: receiver.url });
    ws.advance(1_567);
    const opened = ws.open('yandex', 'a new chat, milliseconds in');
    await ws.sb.control.pushIdle();
    await host.poll();
    expect(host.chats()).toEqual([opened.chatId]);
    expect(host.messages()).toEqual([opened.messageId]);
    ws.advance(433);
  });

  it('emits nothing for a notification about a message a poll already delivered', async () => {
    const [a] = buyerChats(ws, 'yandex');
    ws.advance(1_000);
    const m = ws.write('yandex', a!, 'seen by the poll first');
    await host.poll();
    const response = await host.push(
      handler,
      body({
        notificationType: 'CHAT_MESSAGE_SENT',
        chatId: Number(a),
        messageId: m,
        businessId: 1,
        sentAt: new Date(ws.now()).toISOString(),
      }),
    );
    expect(response.status).toBe(200);
    expect(host.messages()).toEqual([m]);
  });

  it('emits a notification Market sends twice once', async () => {
    ws.sb.control.setPush('yandex', { url: receiver.url, duplicate: true });
    const [a] = buyerChats(ws, 'yandex');
    await ws.sb.control.pushIdle();
    const from = ws.sb.control.pushDeliveries('yandex').length;
    ws.advance(1_000);
    const m = ws.write('yandex', a!, 'twice delivered');
    await ws.sb.control.pushIdle();
    expect(deliveriesSince(from, m)).toHaveLength(2);
    expect(host.messages()).toEqual([m]);
  });

  it('announces a new chat once (CHAT_CREATED, then its first message)', async () => {
    ws.sb.control.setPush('yandex', { url: receiver.url });
    ws.advance(1_000);
    const opened = ws.open('yandex', 'a question about a kettle');
    await ws.sb.control.pushIdle();
    await host.poll();
    expect(host.chats()).toEqual([opened.chatId]);
    expect(host.messages()).toEqual([opened.messageId]);
    expect(host.delivered[0]).toMatchObject({ type: 'chat.created', reply: { chatId: opened.chatId } });
  });

  it('fetches just the notified message for a chat the state does not track, and the poll does not repeat it', async () => {
    const state = JSON.parse(host.saved!) as WatcherState;
    const untracked = buyerChats(ws, 'yandex').find((id) => state.chats[id] === undefined)!;
    ws.sb.control.setPush('yandex', { url: receiver.url });
    ws.advance(1_000);
    counter.reset();
    const m = ws.write('yandex', untracked, 'an old chat wakes up');
    await ws.sb.control.pushIdle();
    expect(counter.requests.some((r) => new URL(r.url).pathname.endsWith('/chats/message'))).toBe(true);
    expect(host.messages()).toEqual([m]);
    await host.poll();
    await host.poll();
    expect(host.messages()).toEqual([m]);
  });

  it('answers 500 UNKNOWN and keeps the state when fetching fails; Market sends again and it is emitted once', async () => {
    ws.sb.control.setPush('yandex', { url: receiver.url });
    const [a] = buyerChats(ws, 'yandex');
    await ws.sb.control.pushIdle();
    const from = ws.sb.control.pushDeliveries('yandex').length;
    const before = host.saved;
    ws.sb.control.addFault({
      marketplace: 'yandex',
      path: '/v2/businesses/*/chat',
      kind: 'status',
      status: 500,
      times: 1,
    });
    ws.advance(1_000);
    const m = ws.write('yandex', a!, 'first delivery fails');
    await ws.sb.control.pushIdle();
    const attempts = deliveriesSince(from, m);
    expect(attempts.map((d) => [d.ok, d.status])).toEqual([
      [false, 500],
      [true, 200],
    ]);
    expect(host.saved).not.toBe(before);
    expect(host.messages()).toEqual([m]);

    // The reply itself, and the state handed back untouched.
    ws.sb.control.addFault({
      marketplace: 'yandex',
      path: '/v2/businesses/*/chat',
      kind: 'status',
      status: 500,
      times: 1,
    });
    const state = JSON.parse(host.saved!) as WatcherState;
    const sentAt = new Date(ws.now()).toISOString();
    const direct = await handler(
      state,
      body({ notificationType: 'CHAT_MESSAGE_SENT', chatId: Number(a), messageId: m, businessId: 1, sentAt }),
    );
    expect(direct.response.status).toBe(500);
    expect(JSON.parse(direct.response.body)).toEqual({
      error: { type: 'UNKNOWN', message: expect.any(String) },
    });
    expect(direct.state).toBe(state);
    expect(direct.events).toEqual([]);
  });
});
