import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allNodes, collect, helper, onTab, statuses, until } from '../../../test/support/node-red.js';
import {
  accountNode,
  openSandbox,
  type RunningSandbox,
  sandboxCredentials,
  writableChat,
} from '../../../test/support/sandbox.js';
import type { HttpApp } from '../../lib/red.js';

// The helper gives nodes an httpNode express app that no server listens on: this test puts one
// in front of it, so the sandbox delivers real notifications over loopback HTTP.
let sb: RunningSandbox;
let httpNode: HttpApp & ((req: unknown, res: unknown) => void);
let server: Server;
let origin: string;

beforeAll(async () => {
  sb = await openSandbox();
  await helper.startServer();
  server = createServer((req, res) => httpNode(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await helper.unload();
  for (const m of ['yandex', 'ozon']) sb.control.clearPush(m);
});
afterAll(async () => {
  await helper.stopServer();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await sb.close();
});

async function loadPush(marketplace: 'yandex' | 'ozon', interval = 3600, firstRun = 'now') {
  const pushPath = `/sellerchat/${marketplace}`;
  const account = accountNode(sb, marketplace);
  const flow = onTab([
    account,
    {
      id: 'in',
      type: 'sellerchat-in',
      account: account.id,
      events: 'both',
      interval,
      firstRun,
      push: true,
      pushPath,
      wires: [['out']],
    },
    { id: 'out', type: 'helper' },
  ]);
  const capture = (red: { httpNode: typeof httpNode }) => {
    httpNode = red.httpNode;
  };
  await helper.load([...(await allNodes()), capture], flow, {
    [account.id]: sandboxCredentials(sb, marketplace),
  });
  // The first poll sets "now"; only then is everything after it new.
  const seen = statuses('in');
  await until(
    () => seen.some((s) => s.text?.startsWith('idle, push on')) && seen.some((s) => s.text === 'polling'),
    'the first poll',
  );
  await until(() => seen.at(-1)?.text?.startsWith('idle, push on') === true, 'idle after the first poll');
}

interface PushReply {
  name?: string;
  version?: string;
  time: string;
  error: { type?: string; code?: string; message?: string };
}

async function post(path: string, body: string) {
  const res = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    json: (await res.json()) as PushReply,
  };
}

describe('sellerchat-in push endpoint: Yandex Market', () => {
  it('answers PING with {version, name, time}, and the sandbox accepts the reply', async () => {
    await loadPush('yandex');
    sb.control.setPush('yandex', { url: `${origin}/sellerchat/yandex` });
    await sb.control.pushIdle();
    const ping = sb.control.pushDeliveries('yandex').at(-1);
    expect(ping).toMatchObject({ ok: true, status: 200 });
    const direct = await post(
      '/sellerchat/yandex',
      JSON.stringify({ notificationType: 'PING', time: new Date().toISOString() }),
    );
    expect(direct.status).toBe(200);
    expect(direct.json).toMatchObject({ name: expect.any(String), version: expect.any(String) });
    expect(Number.isNaN(Date.parse(direct.json.time))).toBe(false);
  });

  it('CHAT_MESSAGE_SENT becomes one msg with source push; duplicates and later polls add none', async () => {
    await loadPush('yandex', 1);
    const out = collect('out');
    sb.control.setPush('yandex', {
      url: `${origin}/sellerchat/yandex`,
      appendNotificationPath: true,
      duplicate: true,
    });
    const chatId = writableChat(sb, 'yandex');
    sb.control.buyerWrite('yandex', { chatId, text: 'Pushed question' });
    await sb.control.pushIdle();
    const deliveries = sb.control.pushDeliveries('yandex');
    expect(deliveries.every((d) => d.ok)).toBe(true);
    expect(deliveries.some((d) => d.url?.endsWith('/sellerchat/yandex/notification'))).toBe(true);
    await until(() => out.length > 0, 'the pushed msg');
    await new Promise((r) => setTimeout(r, 2500)); // two polls
    const texts = out.filter((m) => m.payload === 'Pushed question');
    expect(texts).toHaveLength(1);
    expect((texts[0]!.sellerchat as { source: string }).source).toBe('push');
  });

  it('a malformed body gets 400 {error:{type:"WRONG_EVENT_FORMAT", message}}', async () => {
    await loadPush('yandex');
    const res = await post('/sellerchat/yandex', '{"notificationType":"CHAT_MESSAGE_SENT"}');
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/application\/json/);
    expect(res.json).toEqual({ error: { type: 'WRONG_EVENT_FORMAT', message: expect.any(String) } });
    const notJson = await post('/sellerchat/yandex', 'not json');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.type).toBe('WRONG_EVENT_FORMAT');
  });
});

describe('sellerchat-in push endpoint: Ozon', () => {
  it('answers TYPE_PING, then TYPE_NEW_MESSAGE becomes one msg and is acknowledged {"result":true}', async () => {
    // The chat is one the watcher follows (its unread message came with the first poll); the
    // next message arrives by push alone: the poll interval is an hour.
    const chatId = writableChat(sb, 'ozon');
    sb.control.buyerWrite('ozon', { chatId, text: 'Ozon first question' });
    await loadPush('ozon', 3600, 'unread');
    const out = collect('out');
    sb.control.setPush('ozon', { url: `${origin}/sellerchat/ozon` });
    await sb.control.pushIdle();
    expect(sb.control.pushDeliveries('ozon').at(-1)).toMatchObject({ ok: true, status: 200 });
    sb.control.buyerWrite('ozon', { chatId, text: 'Ozon push question' });
    await sb.control.pushIdle();
    expect(sb.control.pushDeliveries('ozon').every((d) => d.ok)).toBe(true);
    await until(() => out.length > 0, 'the pushed msg');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ payload: 'Ozon push question', topic: chatId });
    expect((out[0]!.sellerchat as { source: string; reply: object }).source).toBe('push');
    expect((out[0]!.sellerchat as { reply: object }).reply).toMatchObject({ marketplace: 'ozon', chatId });
  });

  it('a message in a chat the watcher does not follow yet arrives by push alone', async () => {
    await loadPush('ozon', 3600, 'now');
    const out = collect('out');
    sb.control.setPush('ozon', { url: `${origin}/sellerchat/ozon` });
    const chatId = writableChat(sb, 'ozon');
    sb.control.buyerWrite('ozon', { chatId, text: 'First push in this chat' });
    await sb.control.pushIdle();
    await until(() => out.length > 0, 'the pushed msg');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ payload: 'First push in this chat', topic: chatId });
  });

  it('a malformed body gets 400 {error:{code:"ERROR_PARAMETER_VALUE_MISSED", message, details}}', async () => {
    await loadPush('ozon');
    const res = await post('/sellerchat/ozon', '{"message_type":"TYPE_NEW_MESSAGE"}');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: 'ERROR_PARAMETER_VALUE_MISSED', message: expect.any(String), details: null },
    });
  });

  it('the route is gone once the flow stops', async () => {
    await loadPush('ozon');
    await helper.unload();
    const res = await fetch(`${origin}/sellerchat/ozon`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    await loadPush('ozon');
  });
});
