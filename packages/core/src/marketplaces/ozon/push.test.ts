import { describe, expect, it } from 'vitest';
import { fixture, fixtureText } from './__fixtures__/load.js';
import { answerOzonPush, ozonPushErrorReply, ozonPushSuccessReply, parseOzonNotification } from './push.js';

const clock = { now: () => Date.parse('2025-03-01T12:00:00.123Z') };
const identity = { version: '1.2.3', name: 'SellerChat' };
const CHAT = 'b646d975-0c9c-4872-9f41-8b1e57181063';

describe('parseOzonNotification', () => {
  it('reads TYPE_PING (the example says "string" where the table says TYPE_PING)', () => {
    const ping = { ...fixture('push-ping.json'), message_type: 'TYPE_PING' };
    expect(parseOzonNotification(ping)).toEqual({
      ok: true,
      notification: { type: 'TYPE_PING', time: '2019-08-24T14:15:22.000Z', raw: ping },
    });
  });

  it('reads the TYPE_NEW_MESSAGE example with the Cyrillic "Сustomer" as the buyer', () => {
    const parsed = parseOzonNotification(fixtureText('push-new-message.json'));
    expect(parsed).toMatchObject({
      ok: true,
      notification: {
        type: 'TYPE_NEW_MESSAGE',
        chatId: CHAT,
        chatType: 'Buyer_Seller',
        kind: 'direct',
        messageId: '3000000000817031942',
        createdAt: '2022-07-18T20:58:04.528Z',
        user: { id: '115568', type: 'Сustomer', role: 'buyer' },
        sellerId: '7',
        message: {
          marketplace: 'ozon',
          id: '3000000000817031942',
          chatId: CHAT,
          sender: 'buyer',
          senderId: '115568',
          text: 'Текст сообщения',
          createdAt: '2022-07-18T20:58:04.528Z',
          attachments: [],
        },
      },
    });
  });

  it('reads TYPE_UPDATE_MESSAGE with updated_at', () => {
    expect(parseOzonNotification(fixtureText('push-update-message.json'))).toMatchObject({
      ok: true,
      notification: {
        type: 'TYPE_UPDATE_MESSAGE',
        messageId: '3000000000817031942',
        updatedAt: '2022-07-18T20:59:04.528Z',
        message: { text: 'Текст сообщения' },
      },
    });
  });

  it('reads TYPE_MESSAGE_READ', () => {
    expect(parseOzonNotification(fixtureText('push-message-read.json'))).toMatchObject({
      ok: true,
      notification: {
        type: 'TYPE_MESSAGE_READ',
        chatId: CHAT,
        messageId: '3000000000817031942',
        lastReadMessageId: '3000000000817031942',
        createdAt: '2022-07-18T20:58:04.528Z',
        user: { role: 'buyer' },
        sellerId: '7',
      },
    });
  });

  it('reads TYPE_CHAT_CLOSED', () => {
    expect(parseOzonNotification(fixtureText('push-chat-closed.json'))).toMatchObject({
      ok: true,
      notification: {
        type: 'TYPE_CHAT_CLOSED',
        chatId: CHAT,
        kind: 'direct',
        user: { role: 'buyer' },
        sellerId: '7',
      },
    });
  });

  it('accepts seller_id as an integer and Support / NotificationUser senders', () => {
    const body = { ...fixture('push-new-message.json'), seller_id: 7, user: { id: 's1', type: 'Support' } };
    expect(parseOzonNotification(body)).toMatchObject({
      ok: true,
      notification: { sellerId: '7', user: { role: 'support' } },
    });
    const ozon = {
      ...fixture('push-new-message.json'),
      chat_type: 'Seller_Notification',
      user: { id: '0', type: 'NotificationUser' },
    };
    expect(parseOzonNotification(ozon)).toMatchObject({
      ok: true,
      notification: { kind: 'support', user: { role: 'marketplace' }, message: { sender: 'marketplace' } },
    });
  });

  it('acknowledges and ignores posting and product notifications', () => {
    const posting = { message_type: 'TYPE_NEW_POSTING', posting_number: '24219509-0020-1', seller_id: 15 };
    expect(parseOzonNotification(posting)).toEqual({
      ok: true,
      notification: { type: 'IGNORED', messageType: 'TYPE_NEW_POSTING', raw: posting },
    });
  });

  it('refuses each missing required field, naming it', () => {
    const cases: Array<[string, string]> = [
      ['push-new-message.json', 'chat_id'],
      ['push-new-message.json', 'message_id'],
      ['push-new-message.json', 'created_at'],
      ['push-new-message.json', 'data'],
      ['push-update-message.json', 'message_id'],
      ['push-message-read.json', 'last_read_message_id'],
      ['push-chat-closed.json', 'chat_id'],
    ];
    for (const [file, field] of cases) {
      const body = fixture(file);
      delete body[field];
      expect(parseOzonNotification(body), `${file} without ${field}`).toEqual({
        ok: false,
        code: 'ERROR_PARAMETER_VALUE_MISSED',
        message: `Ozon notification: ${body.message_type}: ${field} is missing`,
      });
    }
    const noUser = fixture('push-new-message.json');
    delete noUser.user;
    expect(parseOzonNotification(noUser)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/user.type is missing/),
    });
  });

  it('refuses bodies that are not JSON objects and malformed ids', () => {
    expect(parseOzonNotification('{')).toMatchObject({ ok: false, code: 'ERROR_UNKNOWN' });
    expect(parseOzonNotification('[1]')).toMatchObject({ ok: false, code: 'ERROR_UNKNOWN' });
    expect(parseOzonNotification({})).toMatchObject({ ok: false, code: 'ERROR_PARAMETER_VALUE_MISSED' });
    const badId = { ...fixture('push-new-message.json'), message_id: 'abc' };
    expect(parseOzonNotification(badId)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/message_id is not an id/),
    });
  });

  it('keeps a message id beyond 2^53 exact when the id comes as a JSON number', () => {
    const text = fixtureText('push-new-message.json').replace('"3000000000817031942"', '3000000000817031942');
    expect(text).toContain('"message_id": 3000000000817031942');
    expect(parseOzonNotification(text)).toMatchObject({
      ok: true,
      notification: { messageId: '3000000000817031942' },
    });
  });
});

describe('Ozon push replies', () => {
  it('answers TYPE_PING with version, name and the injected clock in the shape of the docs', () => {
    const parsed = parseOzonNotification({ message_type: 'TYPE_PING', time: '2019-08-24T14:15:22Z' });
    if (!parsed.ok) throw new Error(parsed.message);
    const reply = ozonPushSuccessReply(parsed.notification, identity, clock);
    expect(reply).toEqual({
      status: 200,
      body: { version: '1.2.3', name: 'SellerChat', time: '2025-03-01T12:00:00.123Z' },
    });
    expect(Object.keys(reply.body as object).sort()).toEqual(
      Object.keys(fixture('push-ping.reply.json')).sort(),
    );
  });

  it('answers every other notification with {"result": true}', () => {
    const reply = answerOzonPush(fixtureText('push-chat-closed.json'), identity, clock);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(fixture('push-event.reply.json'));
    expect(reply.notification?.type).toBe('TYPE_CHAT_CLOSED');
  });

  it('answers errors in the documented shape with a 4xx', () => {
    expect(ozonPushErrorReply('ERROR_UNKNOWN', 'ошибка')).toEqual({
      status: 400,
      body: fixture('push-error.reply.json'),
    });
    expect(ozonPushErrorReply('ERROR_REQUEST_DUPLICATED', 'seen', 409).status).toBe(409);
    expect(() => ozonPushErrorReply('ERROR_UNKNOWN', 'x', 200)).toThrow(/4xx or 5xx/);
    const bad = answerOzonPush({ message_type: 'TYPE_NEW_MESSAGE' }, identity, clock);
    expect(bad).toEqual({
      status: 400,
      body: {
        error: {
          code: 'ERROR_PARAMETER_VALUE_MISSED',
          message: 'Ozon notification: TYPE_NEW_MESSAGE: chat_id is missing',
          details: null,
        },
      },
    });
  });

  it('refuses to answer PING without a version or name', () => {
    const parsed = parseOzonNotification({ message_type: 'TYPE_PING' });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(() => ozonPushSuccessReply(parsed.notification, { version: '', name: 'x' }, clock)).toThrow(
      /version/,
    );
  });
});
