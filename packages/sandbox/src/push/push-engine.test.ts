import { afterEach, describe, expect, it } from 'vitest';
import {
  PING_REPLY,
  type PushReceiver,
  replyJson,
  startPushReceiver,
} from '../../test/helpers/push-receiver.js';
import { PushEngine } from './push-engine.js';
import { RETRY_GAPS_SECONDS } from './retry-schedule.js';

const opened: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});

function engine(retryScale = 0.0001): PushEngine {
  const created = new PushEngine({ retryScale, now: Date.now });
  opened.push(created);
  return created;
}

async function receiver(...args: Parameters<typeof startPushReceiver>): Promise<PushReceiver> {
  const started = await startPushReceiver(...args);
  opened.push(started);
  return started;
}

const event = (n: number) => ({
  body: { message_type: 'TYPE_NEW_MESSAGE', n },
  expect: 'ozon-event' as const,
  timeoutMs: 1_000,
});

describe('PushEngine', () => {
  it('records a delivery to a receiver that answers correctly, once', async () => {
    const target = await receiver((_push, _i, res) => replyJson(res, 200, { result: true }));
    const push = engine();
    push.configure('ozon', { url: `${target.url}/ozon-hook` });
    push.push('ozon', event(1));
    await push.idle();
    expect(target.received).toEqual([expect.objectContaining({ path: '/ozon-hook', body: event(1).body })]);
    expect(push.deliveries('ozon')).toEqual([
      expect.objectContaining({
        marketplace: 'ozon',
        attempt: 1,
        ok: true,
        status: 200,
        notification: 1,
        copy: 1,
      }),
    ]);
  });

  it('records a wrong-shape reply as failed and retries on the Ozon schedule until it gives up', async () => {
    const target = await receiver((_push, _i, res) => replyJson(res, 200, { result: 'ok' }));
    const push = engine();
    push.configure('ozon', { url: target.url });
    push.push('ozon', event(1));
    await push.idle();
    const records = push.deliveries('ozon');
    expect(records).toHaveLength(RETRY_GAPS_SECONDS.ozon.length + 1);
    expect(records.map((record) => record.attempt)).toEqual(records.map((_, index) => index + 1));
    expect(
      records.every((record) => !record.ok && record.problem === 'reply body: expected {"result": true}'),
    ).toBe(true);
    expect(records.at(-1)?.gaveUp).toBe(true);
    expect(target.received).toHaveLength(records.length);
  });

  it('fails a reply with the wrong content type, then succeeds on the retry', async () => {
    const target = await receiver((_push, index, res) =>
      replyJson(res, 200, PING_REPLY, index === 0 ? 'text/plain' : 'application/json'),
    );
    const push = engine();
    push.configure('yandex', { url: target.url });
    push.push('yandex', { body: { notificationType: 'PING' }, expect: 'yandex-ping', timeoutMs: 1_000 });
    await push.idle();
    expect(push.deliveries('yandex').map((r) => [r.attempt, r.ok, r.problem])).toEqual([
      [1, false, 'content type "text/plain", expected application/json'],
      [2, true, undefined],
    ]);
  });

  it('fails a receiver slower than the timeout and retries it', async () => {
    const target = await receiver((_push, index, res) => {
      setTimeout(() => replyJson(res, 200, PING_REPLY), index === 0 ? 700 : 0);
    });
    const push = engine();
    push.configure('yandex', { url: target.url });
    push.push('yandex', { body: { notificationType: 'PING' }, expect: 'yandex-ping', timeoutMs: 300 });
    await push.idle();
    const [first, second] = push.deliveries('yandex');
    expect(first).toMatchObject({ ok: false, problem: 'timeout: no complete reply within 300 ms' });
    expect(first?.ms).toBeGreaterThanOrEqual(290);
    expect(first?.ms).toBeLessThan(650);
    expect(second).toMatchObject({ ok: true, attempt: 2 });
  });

  it('gives Yandex 3 attempts and records a refused connection', async () => {
    const closed = await startPushReceiver(() => {});
    const url = closed.url;
    await closed.close();
    const push = engine();
    push.configure('yandex', { url });
    push.push('yandex', { body: { notificationType: 'PING' }, expect: 'yandex-ping', timeoutMs: 500 });
    await push.idle();
    const records = push.deliveries('yandex');
    expect(records).toHaveLength(3);
    expect(records[0]?.problem).toMatch(/^ECONNREFUSED/);
    expect(records[2]?.gaveUp).toBe(true);
  });

  it('delivers every notification twice in duplicate mode, in order', async () => {
    const target = await receiver((_push, _i, res) => replyJson(res, 200, { result: true }));
    const push = engine();
    push.configure('ozon', { url: target.url, duplicate: true });
    for (let n = 1; n <= 3; n += 1) push.push('ozon', event(n));
    await push.idle();
    expect(target.received.map((push_) => (push_.body as { n: number }).n)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(push.deliveries('ozon').map((r) => [r.notification, r.copy, r.ok])).toEqual([
      [1, 1, true],
      [1, 2, true],
      [2, 1, true],
      [2, 2, true],
      [3, 1, true],
      [3, 2, true],
    ]);
  });

  it('appends /notification for Yandex when asked', async () => {
    const target = await receiver((_push, _i, res) => replyJson(res, 200, PING_REPLY));
    const push = engine();
    push.configure('yandex', { url: `${target.url}/hooks/`, appendNotificationPath: true });
    push.push('yandex', { body: { notificationType: 'PING' }, expect: 'yandex-ping', timeoutMs: 1_000 });
    await push.idle();
    expect(target.received[0]?.path).toBe('/hooks/notification');
  });

  it('drops notifications while no URL is configured', async () => {
    const push = engine();
    push.push('ozon', event(1));
    await push.idle();
    expect(push.deliveries('ozon')).toEqual([]);
  });

  it('cancels pending retries on close', async () => {
    const target = await receiver((_push, _i, res) => replyJson(res, 500, { error: 'down' }));
    const push = engine(0.01); // first Ozon retry after 50 ms
    push.configure('ozon', { url: target.url });
    push.push('ozon', event(1));
    while (push.deliveries('ozon').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    push.close();
    await push.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(target.received).toHaveLength(1);
    expect(push.deliveries('ozon')).toHaveLength(1);
  });
});
