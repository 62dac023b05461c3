import type { IDataObject } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PollDriver } from './harness/poll-driver.js';
import { PushTriggerServer } from './harness/webhook-server.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
const servers: PushTriggerServer[] = [];
beforeAll(async () => {
  sandbox = await startTestSandbox(5);
});
afterEach(async () => {
  for (const m of ['yandex', 'ozon']) sandbox.control.clearPush(m);
  await sandbox.control.pushIdle();
  while (servers.length > 0) await servers.pop()!.close();
});
afterAll(async () => {
  await sandbox.close();
});

async function serve(
  marketplace: 'yandex' | 'ozon',
  parameters: IDataObject = {},
): Promise<PushTriggerServer> {
  const server = new PushTriggerServer(
    { marketplace, event: 'messages', ...parameters },
    sandboxCredentials(sandbox, marketplace),
  );
  servers.push(server);
  await server.start();
  // n8n activates the workflow (webhookMethods.create) before any notification can arrive.
  await server.lifecycle('create');
  return server;
}

function emittedTexts(server: PushTriggerServer): string[] {
  return server.deliveries
    .flatMap((d) => d.emitted ?? [])
    .map((i) => String((i.json.message as IDataObject).text));
}

async function post(
  url: string,
  body: string,
): Promise<{ status: number; type: string | null; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, type: response.headers.get('content-type'), json: await response.json() };
}

const buyerChat = (marketplace: 'yandex' | 'ozon', index = 0) =>
  sandbox.control
    .threads(marketplace)
    .filter((t) => marketplace !== 'ozon' || t.context?.chatType === 'Buyer_Seller')[index]!.chatId;

describe.each(['yandex', 'ozon'] as const)('SellerChat Push Trigger: %s', (marketplace) => {
  it('answers the PING the marketplace sends when the URL is set, in its protocol and time limit', async () => {
    const server = await serve(marketplace);
    sandbox.control.setPush(marketplace, { url: server.webhookUrl() });
    await sandbox.control.pushIdle();
    const deliveries = sandbox.control.pushDeliveries(marketplace);
    expect(deliveries.length).toBeGreaterThan(0);
    for (const d of deliveries) expect(d, JSON.stringify(d)).toMatchObject({ ok: true, status: 200 });
    expect(emittedTexts(server)).toEqual([]);
  });

  it('turns a new-message notification into one event with the full message, even when delivered twice', async () => {
    const server = await serve(marketplace);
    sandbox.control.setPush(marketplace, { url: server.webhookUrl(), duplicate: true });
    await sandbox.control.pushIdle();
    const chatId = buyerChat(marketplace);
    sandbox.control.buyerWrite(marketplace, { chatId, text: `push hello (${marketplace})` });
    await sandbox.control.pushIdle();
    expect(sandbox.control.pushDeliveries(marketplace).every((d) => d.ok)).toBe(true);
    expect(emittedTexts(server)).toEqual([`push hello (${marketplace})`]);
    const event = server.deliveries.flatMap((d) => d.emitted ?? [])[0]!.json;
    expect(event).toMatchObject({
      type: 'message.received',
      source: 'push',
      marketplace,
      reply: { chatId },
      message: { chatId, sender: 'buyer', createdAt: expect.stringMatching(/Z$/) },
    });
  });

  it('refuses a body that is not a notification with the documented error shape', async () => {
    const server = await serve(marketplace);
    const broken =
      marketplace === 'yandex'
        ? '{"notificationType":"CHAT_MESSAGE_SENT"}'
        : '{"message_type":"TYPE_NEW_MESSAGE"}';
    const reply = await post(server.webhookUrl(), broken);
    expect(reply.status).toBe(400);
    expect(reply.type).toMatch(/application\/json/);
    expect(reply.json).toEqual(
      marketplace === 'yandex'
        ? { error: { type: 'WRONG_EVENT_FORMAT', message: expect.any(String) } }
        : { error: { code: 'ERROR_PARAMETER_VALUE_MISSED', message: expect.any(String), details: null } },
    );
    const notJson = await post(server.webhookUrl(), 'this is not json');
    expect(notJson.status).toBe(400);
  });

  it('with the IP allow-list on, refuses other senders and accepts the published ranges', async () => {
    const server = await serve(marketplace, { restrictIps: true });
    const ping =
      marketplace === 'yandex'
        ? '{"notificationType":"PING","time":"2026-01-01T00:00:00Z"}'
        : '{"message_type":"TYPE_PING","time":"2026-01-01T00:00:00Z"}';
    server.sourceIp = '127.0.0.1';
    const refused = await post(server.webhookUrl(), ping);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toMatch(/not an allowed source/);
    server.sourceIp = marketplace === 'yandex' ? '::ffff:141.8.142.77' : '185.73.195.4';
    expect((await post(server.webhookUrl(), ping)).json).toMatchObject({
      name: 'SellerChat',
      version: '1',
      time: expect.any(String),
    });
    server.sourceIp = '10.1.2.3';
    server.setParameters({ marketplace, event: 'messages', restrictIps: true, extraIps: '10.0.0.0/8' });
    expect((await post(server.webhookUrl(), ping)).status).toBe(200);
  });

  it('records the URL on activation and clears it on deactivation (no registration API exists)', async () => {
    const server = await serve(marketplace);
    expect(await server.lifecycle('delete')).toBe(true);
    expect(await server.lifecycle('checkExists')).toBe(false);
    expect(await server.lifecycle('create')).toBe(true);
    expect(await server.lifecycle('checkExists')).toBe(true);
    expect(server.saved).toContain(server.webhookUrl());
    expect(await server.lifecycle('delete')).toBe(true);
    expect(await server.lifecycle('checkExists')).toBe(false);
  });
});

describe('SellerChat Push Trigger and the polling trigger', () => {
  it('emit the same event id for the same message, so either path can be deduplicated against the other', async () => {
    const server = await serve('yandex');
    const poller = new PollDriver(
      { marketplace: 'yandex', event: 'messages' },
      sandboxCredentials(sandbox, 'yandex'),
    );
    await poller.poll();
    sandbox.control.setPush('yandex', { url: server.webhookUrl() });
    await sandbox.control.pushIdle();
    sandbox.control.buyerWrite('yandex', { chatId: buyerChat('yandex', 1), text: 'both paths' });
    await sandbox.control.pushIdle();
    const pushed = server.deliveries.flatMap((d) => d.emitted ?? []).map((i) => i.json.id);
    const polled = ((await poller.poll()).result?.[0] ?? []).map((i) => i.json.id);
    expect(pushed).toHaveLength(1);
    expect(polled).toEqual(pushed);
  });

  it('Yandex: also answers when Market appends /notification to the URL', async () => {
    const server = await serve('yandex');
    sandbox.control.setPush('yandex', { url: server.webhookUrl(), appendNotificationPath: true });
    await sandbox.control.pushIdle();
    const deliveries = sandbox.control.pushDeliveries('yandex');
    expect(deliveries.at(-1)).toMatchObject({ ok: true, url: `${server.webhookUrl()}/notification` });
  });
});

describe('SellerChat Push Trigger with a broken setup', () => {
  it.each([
    ['a refused key', { apiKey: 'broken-key-123456' }],
    ['an unusable business ID', { apiKey: 'broken-key-123456', businessId: 'not-a-number' }],
  ])('%s: answers in the protocol with a 500 (so Market retries) and no secret', async (_case, override) => {
    const server = new PushTriggerServer(
      { marketplace: 'yandex', event: 'messages' },
      sandboxCredentials(sandbox, 'yandex', override),
    );
    servers.push(server);
    await server.start();
    const body = JSON.stringify({
      notificationType: 'CHAT_MESSAGE_SENT',
      chatId: Number(buyerChat('yandex')),
      messageId: '5000000001',
      businessId: 11223344,
      sentAt: '2026-01-01T00:00:00Z',
    });
    const reply = await post(server.webhookUrl(), body);
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({
      error: { type: 'UNKNOWN', message: expect.stringMatching(/SellerChat could not process/) },
    });
    expect(JSON.stringify(reply.json)).not.toContain('broken-key-123456');
    expect(server.deliveries[0]!.emitted).toBeUndefined();
  });
});
