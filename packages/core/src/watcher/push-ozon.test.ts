import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OzonClient } from '../marketplaces/ozon/client.js';
import type { CountingTransport } from '../marketplaces/shared/testing/counting-transport.js';
import type { PushRequest } from './push-common.js';
import { handleOzonPush } from './push-ozon.js';
import type { WatcherState } from './state.js';
import { TestHost } from './testing/host.js';
import { type Receiver, startReceiver } from './testing/receiver.js';
import { buyerChats, openWatcherSandbox, type WatcherSandbox } from './testing/sandbox-harness.js';

let ws: WatcherSandbox;
let receiver: Receiver;
let client: OzonClient;
let counter: CountingTransport;
let host: TestHost;

const handler = (state: WatcherState | undefined, request: PushRequest) =>
  handleOzonPush(client, state, request, {
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
  ws.sb.control.clearPush('ozon');
  ws.sb.control.seed({ seed: 7, chats: 10 });
  ws.advance(60_000);
  ({ client, counter } = ws.client('ozon'));
  host = new TestHost(client);
  await host.poll();
});
afterEach(async () => {
  ws.sb.control.clearFaults();
  await ws.sb.control.pushIdle();
});

const body = (o: Record<string, unknown>): PushRequest => ({ headers: {}, body: JSON.stringify(o) });
const deliveriesSince = (from: number) => ws.sb.control.pushDeliveries('ozon').slice(from);

describe('Ozon push', () => {
  it('answers TYPE_PING with {version, name, time} and asks Ozon nothing', async () => {
    counter.reset();
    const result = await handler(
      undefined,
      body({ message_type: 'TYPE_PING', time: '2026-03-02T09:00:00Z' }),
    );
    expect(result.response.status).toBe(200);
    expect(result.response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(result.response.body)).toEqual({
      version: '0.1.0',
      name: 'SellerChat test',
      time: new Date(ws.now()).toISOString(),
    });
    expect(counter.requests).toHaveLength(0);
    const from = ws.sb.control.pushDeliveries('ozon').length;
    ws.sb.control.setPush('ozon', { url: receiver.url });
    await ws.sb.control.pushIdle();
    expect(deliveriesSince(from)).toMatchObject([{ ok: true, body: { message_type: 'TYPE_PING' } }]);
  });

  it('answers other notifications {"result": true} and malformed ones 400 ERROR_PARAMETER_VALUE_MISSED', async () => {
    const closed = await handler(
      undefined,
      body({ message_type: 'TYPE_CHAT_CLOSED', chat_id: 'x', chat_type: 'Buyer_Seller' }),
    );
    expect([closed.response.status, JSON.parse(closed.response.body)]).toEqual([200, { result: true }]);
    for (const text of [
      '{',
      JSON.stringify({ message_type: 'TYPE_NEW_MESSAGE', chat_id: 'x' }),
      JSON.stringify({}),
    ]) {
      const result = await handler(undefined, { headers: {}, body: text });
      expect(result.response.status).toBe(400);
      expect(JSON.parse(result.response.body)).toEqual({
        error: {
          code: 'ERROR_PARAMETER_VALUE_MISSED',
          message: expect.stringContaining('Ozon notification'),
          details: null,
        },
      });
    }
  });

  it('turns TYPE_NEW_MESSAGE into the full message read from history; the reconcile poll does not repeat it', async () => {
    const from = ws.sb.control.pushDeliveries('ozon').length;
    ws.sb.control.setPush('ozon', { url: receiver.url });
    const [a, b] = buyerChats(ws, 'ozon');
    ws.advance(1_000);
    counter.reset();
    const pushed = ws.write('ozon', a!, 'pushed to us');
    await ws.sb.control.pushIdle();
    expect(counter.requests.map((r) => new URL(r.url).pathname)).toEqual(['/ozon/v3/chat/history']);
    expect(host.delivered).toMatchObject([
      {
        type: 'message.received',
        source: 'push',
        message: { id: pushed, text: 'pushed to us', sender: 'buyer' },
      },
    ]);
    expect(deliveriesSince(from).every((d) => d.ok)).toBe(true);
    ws.sb.control.clearPush('ozon');
    ws.advance(1_000);
    const lost = ws.write('ozon', b!, 'notification lost');
    await host.poll();
    await host.poll();
    expect(host.messages()).toEqual([pushed, lost]);
  });

  it('a push before any poll emits exactly the notified message (the floor sits just below its id)', async () => {
    host = new TestHost(client);
    ws.sb.control.setPush('ozon', { url: receiver.url });
    const [a] = buyerChats(ws, 'ozon');
    ws.advance(1_234);
    const m = ws.write('ozon', a!, 'first thing this host ever hears');
    await ws.sb.control.pushIdle();
    expect(host.delivered.map((e) => [e.type, e.type === 'message.received' ? e.message.id : ''])).toEqual([
      ['message.received', m],
    ]);
    await host.poll();
    expect(host.messages()).toEqual([m]);
    ws.advance(766);
  });

  it('emits a notification Ozon sends twice once, and nothing for one the poll already delivered', async () => {
    ws.sb.control.setPush('ozon', { url: receiver.url, duplicate: true });
    const [a, b] = buyerChats(ws, 'ozon');
    ws.advance(1_000);
    const twice = ws.write('ozon', a!, 'twice delivered');
    await ws.sb.control.pushIdle();
    expect(host.messages()).toEqual([twice]);

    ws.sb.control.clearPush('ozon');
    ws.advance(1_000);
    const polled = ws.write('ozon', b!, 'the poll sees it first');
    await host.poll();
    const late = await host.push(
      handler,
      body({
        message_type: 'TYPE_NEW_MESSAGE',
        chat_id: b,
        chat_type: 'Buyer_Seller',
        message_id: polled,
        created_at: new Date(ws.now()).toISOString(),
        user: { id: '1', type: 'Customer' },
        data: ['the poll sees it first'],
        seller_id: '7',
      }),
    );
    expect([late.status, JSON.parse(late.body)]).toEqual([200, { result: true }]);
    expect(host.messages()).toEqual([twice, polled]);
  });

  it('answers 500 ERROR_UNKNOWN and keeps the state when reading fails; the retry is emitted once', async () => {
    ws.sb.control.setPush('ozon', { url: receiver.url });
    const [a] = buyerChats(ws, 'ozon');
    await ws.sb.control.pushIdle();
    const from = ws.sb.control.pushDeliveries('ozon').length;
    ws.sb.control.addFault({
      marketplace: 'ozon',
      path: '/v3/chat/history',
      kind: 'status',
      status: 500,
      times: 1,
    });
    ws.advance(1_000);
    const m = ws.write('ozon', a!, 'first delivery fails');
    await ws.sb.control.pushIdle();
    expect(deliveriesSince(from).map((d) => [d.ok, d.status])).toEqual([
      [false, 500],
      [true, 200],
    ]);
    expect(host.messages()).toEqual([m]);

    ws.sb.control.addFault({
      marketplace: 'ozon',
      path: '/v3/chat/history',
      kind: 'status',
      status: 500,
      times: 1,
    });
    const state = JSON.parse(host.saved!) as WatcherState;
    const direct = await handler(
      state,
      body({
        message_type: 'TYPE_NEW_MESSAGE',
        chat_id: a,
        chat_type: 'Buyer_Seller',
        message_id: '99999999999999999999',
        created_at: new Date(ws.now()).toISOString(),
        user: { id: '1', type: 'Customer' },
        data: ['x'],
        seller_id: '7',
      }),
    );
    expect(direct.response.status).toBe(500);
    expect(JSON.parse(direct.response.body)).toEqual({
      error: { code: 'ERROR_UNKNOWN', message: expect.any(String), details: null },
    });
    expect(direct.state).toBe(state);
  });
});
