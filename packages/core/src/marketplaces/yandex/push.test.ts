import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  answerYandexPush,
  parseYandexNotification,
  yandexPushErrorReply,
  yandexPushSuccessReply,
} from './push.js';

const text = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;
const clock = { now: () => Date.parse('2025-03-01T12:00:00.123Z') };
const identity = { version: '1.2.3', name: 'SellerChat' };

describe('parseYandexNotification', () => {
  it('reads PING', () => {
    expect(parseYandexNotification(text('notification-ping.json'))).toEqual({
      ok: true,
      notification: { type: 'PING', time: '2017-11-21T00:00:00.213Z', raw: json('notification-ping.json') },
    });
    // time is not required by PingNotificationDTO
    expect(parseYandexNotification({ notificationType: 'PING' })).toMatchObject({
      ok: true,
      notification: { type: 'PING' },
    });
  });

  it('reads CHAT_CREATED with ids as strings', () => {
    const parsed = parseYandexNotification(text('notification-chat-created.json'));
    expect(parsed).toMatchObject({
      ok: true,
      notification: {
        type: 'CHAT_CREATED',
        chatId: '4244',
        businessId: '3000001',
        createdAt: '2017-11-21T00:00:00.213Z',
      },
    });
  });

  it('reads CHAT_MESSAGE_SENT with messageId as a string, and as a number too', () => {
    expect(parseYandexNotification(text('notification-chat-message-sent.json'))).toMatchObject({
      ok: true,
      notification: {
        type: 'CHAT_MESSAGE_SENT',
        chatId: '4244',
        messageId: '9007199254740995',
        businessId: '3000001',
        sentAt: '2017-11-21T00:00:00.213Z',
      },
    });
    const numeric =
      '{"notificationType":"CHAT_MESSAGE_SENT","chatId":4244,"messageId":9007199254740995,"businessId":3000001,"sentAt":"2017-11-21T00:00:00.213Z"}';
    expect(parseYandexNotification(numeric)).toMatchObject({
      ok: true,
      notification: { messageId: '9007199254740995' },
    });
  });

  it('reads the arbitrage notifications, converting times to UTC', () => {
    expect(parseYandexNotification(json('notification-chat-arbitrage-started.json'))).toMatchObject({
      ok: true,
      notification: { type: 'CHAT_ARBITRAGE_STARTED', chatId: '4242', startedAt: '2017-11-21T00:00:00.213Z' },
    });
    expect(parseYandexNotification(json('notification-chat-arbitrage-finished.json'))).toMatchObject({
      ok: true,
      notification: {
        type: 'CHAT_ARBITRAGE_FINISHED',
        chatId: '4242',
        finishedAt: '2017-11-20T21:00:00.213Z',
      },
    });
  });

  it('accepts and ignores other notification types', () => {
    expect(parseYandexNotification(json('notification-order-created.json'))).toMatchObject({
      ok: true,
      notification: { type: 'IGNORED', notificationType: 'ORDER_CREATED' },
    });
  });

  it('refuses each missing required field of the chat notifications, naming it', () => {
    const required: Record<string, string[]> = {
      'notification-chat-created.json': ['chatId', 'businessId', 'createdAt'],
      'notification-chat-message-sent.json': ['chatId', 'messageId', 'businessId', 'sentAt'],
      'notification-chat-arbitrage-started.json': ['chatId', 'businessId', 'startedAt'],
      'notification-chat-arbitrage-finished.json': ['chatId', 'businessId', 'finishedAt'],
    };
    for (const [file, fields] of Object.entries(required)) {
      for (const field of fields) {
        const body = json(file);
        delete body[field];
        const parsed = parseYandexNotification(body);
        expect(parsed, `${file} without ${field}`).toEqual({
          ok: false,
          errorType: 'WRONG_EVENT_FORMAT',
          message: `Yandex Market notification: ${body.notificationType}: ${field} is missing`,
        });
      }
    }
  });

  it('refuses malformed bodies, ids and times', () => {
    expect(parseYandexNotification('{not json')).toMatchObject({
      ok: false,
      errorType: 'WRONG_EVENT_FORMAT',
    });
    expect(parseYandexNotification([])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a JSON object/),
    });
    expect(parseYandexNotification({ chatId: 1 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/notificationType is missing/),
    });
    const badId = { ...json('notification-chat-created.json'), chatId: 'abc' };
    expect(parseYandexNotification(badId)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/chatId is not an id/),
    });
    const badTime = { ...json('notification-chat-created.json'), createdAt: 'yesterday' };
    expect(parseYandexNotification(badTime)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/createdAt is not a date-time/),
    });
  });
});

describe('Yandex push replies', () => {
  it('answers success with version, name and the injected clock as ISO UTC', () => {
    expect(yandexPushSuccessReply(identity, clock)).toEqual({
      status: 200,
      body: { version: '1.2.3', name: 'SellerChat', time: '2025-03-01T12:00:00.123Z' },
    });
  });

  it('refuses a version or name outside 1–100 characters', () => {
    expect(() => yandexPushSuccessReply({ version: '', name: 'x' }, clock)).toThrow(/version must be 1–100/);
    expect(() => yandexPushSuccessReply({ version: '1', name: 'x'.repeat(101) }, clock)).toThrow(
      /name must be 1–100/,
    );
  });

  it('builds error bodies with 400 for bad notifications and 500 for our faults', () => {
    expect(yandexPushErrorReply('WRONG_EVENT_FORMAT', 'bad')).toEqual({
      status: 400,
      body: { error: { type: 'WRONG_EVENT_FORMAT', message: 'bad' } },
    });
    expect(yandexPushErrorReply('DUPLICATED_EVENT', 'seen').status).toBe(400);
    expect(yandexPushErrorReply('UNKNOWN', 'db down')).toEqual({
      status: 500,
      body: { error: { type: 'UNKNOWN', message: 'db down' } },
    });
  });

  it('handles a notification end to end: 200 with the notification, or 400 with the reason', () => {
    const ok = answerYandexPush(text('notification-chat-message-sent.json'), identity, clock);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ version: '1.2.3', name: 'SellerChat', time: '2025-03-01T12:00:00.123Z' });
    expect(ok.notification).toMatchObject({ type: 'CHAT_MESSAGE_SENT', messageId: '9007199254740995' });

    const bad = answerYandexPush({ notificationType: 'CHAT_CREATED', chatId: 1 }, identity, clock);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: {
        type: 'WRONG_EVENT_FORMAT',
        message: 'Yandex Market notification: CHAT_CREATED: businessId is missing',
      },
    });
    expect(bad.notification).toBeUndefined();
  });
});
