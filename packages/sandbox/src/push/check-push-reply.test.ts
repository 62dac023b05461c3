import { describe, expect, it } from 'vitest';
import { checkPushReply } from './check-push-reply.js';

const json = 'application/json; charset=utf-8';
const ping = JSON.stringify({ version: '1.2', name: 'flow', time: '2025-05-01T10:00:00.123Z' });

describe('checkPushReply', () => {
  it('accepts {version,name,time} for Yandex PING and events and Ozon PING', () => {
    for (const expect_ of ['yandex-ping', 'yandex-event', 'ozon-ping'] as const) {
      expect(checkPushReply(expect_, { status: 200, contentType: json, body: ping })).toBeUndefined();
    }
  });

  it('accepts only {"result": true} for Ozon events', () => {
    expect(
      checkPushReply('ozon-event', { status: 200, contentType: json, body: '{"result":true}' }),
    ).toBeUndefined();
    expect(checkPushReply('ozon-event', { status: 200, contentType: json, body: '{"result":"true"}' })).toBe(
      'reply body: expected {"result": true}',
    );
    expect(checkPushReply('ozon-event', { status: 200, contentType: json, body: ping })).toBeDefined();
  });

  it('names what is wrong: status, content type, JSON, each field', () => {
    expect(checkPushReply('yandex-ping', { status: 204, contentType: json, body: ping })).toBe(
      'status 204, expected 200',
    );
    expect(checkPushReply('yandex-ping', { status: 200, contentType: 'text/plain', body: ping })).toBe(
      'content type "text/plain", expected application/json',
    );
    expect(checkPushReply('ozon-ping', { status: 200, contentType: json, body: '{"version":' })).toBe(
      'reply body is not valid JSON',
    );
    const without = (field: string, value?: unknown) =>
      JSON.stringify({ version: '1', name: 'n', time: '2025-05-01T10:00:00Z', [field]: value });
    expect(
      checkPushReply('yandex-event', { status: 200, contentType: json, body: without('version') }),
    ).toContain('"version"');
    expect(
      checkPushReply('yandex-event', { status: 200, contentType: json, body: without('name', '') }),
    ).toContain('"name"');
    expect(
      checkPushReply('yandex-event', { status: 200, contentType: json, body: without('time', 'yesterday') }),
    ).toBe('reply body: "time" must be an ISO 8601 date-time');
  });
});
