import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../json/lossless.js';
import { mapYandexChat, mapYandexStatus } from './map-chat.js';

function fixture(name: string): { result: Record<string, unknown> } {
  return parseJson(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as {
    result: Record<string, unknown>;
  };
}

describe('mapYandexChat (GetChatInfoDTO)', () => {
  const chats = fixture('get-chats.json').result.chats as unknown[];

  it('maps an ORDER chat with every field, keeping a chatId beyond 2^53 exact', () => {
    const chat = mapYandexChat(chats[0]);
    expect(chat).toEqual({
      marketplace: 'yandex',
      id: '9007199254740993',
      kind: 'order',
      status: 'waiting_for_seller',
      marketplaceStatus: 'WAITING_FOR_PARTNER',
      context: { orderId: '123456789', campaignId: '21000001' },
      buyer: { id: 'passport-1130000012345678', name: 'Иван П.' },
      createdAt: '2017-11-20T21:00:00.000Z',
      lastMessageAt: '2017-11-21T07:15:30.000Z',
      raw: chats[0],
    });
  });

  it('maps a RETURN arbitrage chat and keeps the original status', () => {
    const chat = mapYandexChat(chats[1]);
    expect(chat.id).toBe('4242');
    expect(chat.kind).toBe('return');
    expect(chat.status).toBe('other');
    expect(chat.marketplaceStatus).toBe('WAITING_FOR_ARBITER');
    expect(chat.context).toEqual({ orderId: '123456790', returnId: '555001', campaignId: '21000001' });
    expect(chat.buyer).toEqual({ name: 'Мария' });
    expect(chat.lastMessageAt).toBe('2017-11-21T21:00:00.000Z');
  });

  it('maps a DIRECT chat with no customer and no order', () => {
    const chat = mapYandexChat(chats[2]);
    expect(chat.kind).toBe('direct');
    expect(chat.status).toBe('closed');
    expect(chat.context).toEqual({});
    expect(chat.buyer).toBeUndefined();
  });

  it('maps getChat results the same way', () => {
    const chat = mapYandexChat(fixture('get-chat.json').result);
    expect(chat).toMatchObject({ id: '4244', kind: 'order', status: 'new', context: { orderId: '777' } });
    expect(chat.buyer).toEqual({ id: 'passport-99' });
  });

  it('maps every status', () => {
    expect(mapYandexStatus('NEW')).toBe('new');
    expect(mapYandexStatus('WAITING_FOR_PARTNER')).toBe('waiting_for_seller');
    expect(mapYandexStatus('WAITING_FOR_CUSTOMER')).toBe('waiting_for_buyer');
    expect(mapYandexStatus('FINISHED')).toBe('closed');
    expect(mapYandexStatus('WAITING_FOR_ARBITER')).toBe('other');
    expect(mapYandexStatus('WAITING_FOR_MARKET')).toBe('other');
    expect(mapYandexStatus(undefined)).toBe('other');
  });

  it('refuses a chat without chatId or createdAt, naming the field', () => {
    expect(() =>
      mapYandexChat({ createdAt: '2017-11-21T00:00:00+03:00', context: { type: 'ORDER' } }),
    ).toThrow(/Yandex Market: chatId is missing/);
    expect(() => mapYandexChat({ chatId: 1, context: { type: 'ORDER' } })).toThrow(
      /chat.createdAt is missing/,
    );
  });
});
