import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../index.js';
import { startJsonReceiver } from '../../testing/json-receiver.js';
import { createOzonModule } from './index.js';
import { CLIENT } from './test-support.js';

let sandbox: RunningSandbox;

beforeEach(async () => {
  sandbox = await startSandbox({ modules: [createOzonModule], chats: 8, seed: 7 });
});

afterEach(async () => {
  await sandbox.close();
});

const post = (path: string, body: string, method = 'POST') =>
  fetch(`${sandbox.baseUrls.ozon}${path}`, {
    method,
    headers: { 'Client-Id': CLIENT.clientId!, 'Api-Key': CLIENT.apiKey!, 'Content-Type': 'application/json' },
    ...(method === 'POST' ? { body } : {}),
  });

describe('Ozon over HTTP', () => {
  it('sends message ids as JSON strings and reads a bare big-number from_message_id exactly', async () => {
    const list = await post('/v3/chat/list', '{"limit":1}');
    const listText = await list.text();
    expect(listText).toMatch(/"last_message_id":"3\d{18}"/);
    const chatId = (JSON.parse(listText) as { chats: Array<{ chat: { chat_id: string } }> }).chats[0]!.chat
      .chat_id;
    const all = await post('/v3/chat/history', JSON.stringify({ chat_id: chatId, direction: 'Backward' }));
    const allText = await all.text();
    const ids = [...allText.matchAll(/"message_id":"(\d+)"/g)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThan(1);
    const newest = ids[0]!;
    // Written by hand so the id goes over the wire as a number, as the docs' examples do.
    const exact = await post(
      '/v3/chat/history',
      `{"chat_id":"${chatId}","direction":"Forward","from_message_id":${newest}}`,
    );
    const exactIds = [...(await exact.text()).matchAll(/"message_id":"(\d+)"/g)].map((match) => match[1]);
    expect(exactIds).toEqual([newest]);
  });

  it('answers 405 with an rpcStatus body for GET', async () => {
    const res = await post('/v3/chat/list', '', 'GET');
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ code: 12, details: [] });
  });

  it('delivers TYPE_PING and TYPE_NEW_MESSAGE to a real push endpoint', async () => {
    // A well-behaved seller endpoint: the ping reply to pings, the event reply to the rest.
    const receiver = await startJsonReceiver({
      answer: (body) =>
        (body as Record<string, unknown>).message_type === 'TYPE_PING'
          ? { version: '1.0.0', name: 'contract-test', time: new Date().toISOString() }
          : { result: true },
    });
    try {
      sandbox.control.setPush('ozon', { url: receiver.url });
      const { chatId, messageId } = sandbox.control.buyerOpenChat('ozon', {
        text: 'Здравствуйте!',
        kind: 'fbs',
      });
      await sandbox.control.pushIdle();
      expect(receiver.received.map((r) => r.body)).toEqual([
        { message_type: 'TYPE_PING', time: expect.any(String) },
        expect.objectContaining({ message_type: 'TYPE_NEW_MESSAGE', chat_id: chatId, message_id: messageId }),
      ]);
      expect(sandbox.control.pushDeliveries('ozon').every((delivery) => delivery.ok)).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});
