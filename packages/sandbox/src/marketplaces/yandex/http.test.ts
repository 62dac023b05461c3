import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../index.js';
import { startJsonReceiver } from '../../testing/json-receiver.js';
import { BUSINESS_ID } from './credentials.js';
import { createYandexModule } from './index.js';
import { TOKEN } from './test-support.js';

let sandbox: RunningSandbox;
let base: string;

beforeEach(async () => {
  sandbox = await startSandbox({ modules: [createYandexModule], chats: 8, seed: 7 });
  base = `${sandbox.baseUrls.yandex}/v2/businesses/${BUSINESS_ID}`;
});

afterEach(async () => {
  await sandbox.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Api-Key': TOKEN, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('Yandex over HTTP', () => {
  it('lists chats with the envelope, JSON content type and rate-limit headers', async () => {
    const res = await post('/chats?limit=3', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-ratelimit-resource-limit')).toBe('5000');
    expect(res.headers.get('x-ratelimit-resource-remaining')).toBe('4999');
    expect(res.headers.get('x-ratelimit-resource-until')).toMatch(/^\w{3}, \d\d \w{3} \d{4} \d\d:00:00 GMT$/);
    const body = (await res.json()) as { status: string; result: { chats: unknown[] } };
    expect(body.status).toBe('OK');
    expect(body.result.chats).toHaveLength(3);
  });

  it('sends 420 "Enhance Your Calm" to the 5th parallel request', async () => {
    sandbox.control.configure('yandex', { latencyMs: 150 });
    const responses = await Promise.all(Array.from({ length: 5 }, () => post('/chats', {})));
    const limited = responses.filter((res) => res.status === 420);
    expect(limited).toHaveLength(1);
    expect(limited[0]!.statusText).toBe('Enhance Your Calm');
    const body = (await limited[0]!.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toMatch(/^Hit rate limit of 4 parallel requests/);
  });

  it('uploads a real multipart file whose url then serves the same bytes', async () => {
    const chatId = sandbox.control.threads('yandex')[0]!.chatId;
    const form = new FormData();
    const bytes = Buffer.from('sandbox file bytes');
    form.set('file', new Blob([bytes], { type: 'text/plain' }), 'note.txt');
    const res = await fetch(`${base}/chats/file/send?chatId=${chatId}`, {
      method: 'POST',
      headers: { 'Api-Key': TOKEN },
      body: form,
    });
    expect(res.status).toBe(200);
    const url = sandbox.control.sellerMessages('yandex').at(-1)!.attachments[0]!.url;
    const file = await fetch(url);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('delivers PING and CHAT_MESSAGE_SENT to a real push endpoint', async () => {
    // A well-behaved seller endpoint: Yandex wants {version, name, time} to a ping and to an event.
    const receiver = await startJsonReceiver({
      answer: () => ({ version: '1.0.0', name: 'contract-test', time: new Date().toISOString() }),
    });
    try {
      sandbox.control.setPush('yandex', { url: receiver.url });
      const chatId = sandbox.control.threads('yandex')[0]!.chatId;
      const { messageId } = sandbox.control.buyerWrite('yandex', { chatId, text: 'Hello over push' });
      await sandbox.control.pushIdle();
      expect(receiver.received.map((r) => r.body)).toEqual([
        { notificationType: 'PING', time: expect.any(String) },
        expect.objectContaining({ notificationType: 'CHAT_MESSAGE_SENT', chatId: Number(chatId), messageId }),
      ]);
      expect(sandbox.control.pushDeliveries('yandex').every((delivery) => delivery.ok)).toBe(true);
      const fetched = await fetch(`${base}/chats/message?chatId=${chatId}&messageId=${messageId}`, {
        headers: { 'Api-Key': TOKEN },
      });
      expect(((await fetched.json()) as { result: { message: string } }).result.message).toBe(
        'Hello over push',
      );
    } finally {
      await receiver.close();
    }
  });
});
