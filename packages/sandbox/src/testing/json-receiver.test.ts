import { afterEach, describe, expect, it } from 'vitest';
import { type JsonReceiver, startJsonReceiver } from './json-receiver.js';

let receiver: JsonReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', body, headers });
  return { status: res.status, json: (await res.json()) as unknown };
}

describe('startJsonReceiver', () => {
  it('keeps each body with its path and headers, and answers with answer(body)', async () => {
    receiver = await startJsonReceiver({ answer: (body) => ({ echo: body }) });
    const reply = await post(`${receiver.url}/event`, '{"id":"1"}', { authorization: 'Bearer x' });
    expect(reply).toEqual({ status: 200, json: { echo: { id: '1' } } });
    expect(receiver.received).toEqual([
      expect.objectContaining({
        path: '/event',
        body: { id: '1' },
        headers: expect.objectContaining({ authorization: 'Bearer x' }),
      }),
    ]);
  });

  it('keeps a body that is not JSON as its text, and answers { ok: true } by default', async () => {
    receiver = await startJsonReceiver();
    expect((await post(receiver.url, 'not json')).json).toEqual({ ok: true });
    expect(receiver.received[0]?.body).toBe('not json');
  });

  it('records on arrival and answers after delayMs', async () => {
    receiver = await startJsonReceiver({ delayMs: 300 });
    const started = Date.now();
    const answered = post(receiver.url, '{}');
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toHaveLength(1);
    await answered;
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
