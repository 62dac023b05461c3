import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../json/lossless.js';
import { mapYandexMessage, mapYandexSender } from './map-message.js';

function fixture(name: string): { result: Record<string, unknown> } {
  return parseJson(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as {
    result: Record<string, unknown>;
  };
}

describe('mapYandexMessage (ChatMessageDTO)', () => {
  const history = fixture('chat-history.json').result;
  const messages = history.messages as unknown[];

  it('maps a customer text with the history context', () => {
    expect(mapYandexMessage(messages[0], '4244', history.context)).toEqual({
      marketplace: 'yandex',
      id: '101',
      chatId: '4244',
      sender: 'buyer',
      text: 'Здравствуйте! Когда доставка?',
      createdAt: '2017-11-20T21:00:00.000Z',
      attachments: [],
      context: { orderId: '123456789' },
      raw: messages[0],
    });
  });

  it('maps payload files to attachments with the url as ref', () => {
    const message = mapYandexMessage(messages[1], '4244');
    expect(message.sender).toBe('seller');
    expect(message.text).toBe('');
    expect(message.attachments).toEqual([
      {
        name: 'invoice.pdf',
        url: 'https://market.yandex.ru/chat/files/abc?sign=1',
        ref: 'https://market.yandex.ru/chat/files/abc?sign=1',
        size: 48213,
      },
    ]);
  });

  it('maps MARKET and SUPPORT senders, big ids and fractional seconds', () => {
    expect(mapYandexMessage(messages[2], '4244').sender).toBe('marketplace');
    const support = mapYandexMessage(messages[3], '4244');
    expect(support.sender).toBe('support');
    expect(support.id).toBe('9007199254740995');
    expect(support.createdAt).toBe('2017-11-20T21:07:00.500Z');
    expect(support.attachments).toEqual([]);
  });

  it('maps a getChatMessage result', () => {
    const message = mapYandexMessage(fixture('chat-message.json').result, '4244');
    expect(message).toMatchObject({ id: '103', sender: 'seller', text: 'Отправили сегодня' });
    expect(message.attachments[0]).toMatchObject({ name: 'photo.jpg', size: 1024 });
  });

  it('never takes an unknown sender for the buyer', () => {
    expect(mapYandexSender('CUSTOMER')).toBe('buyer');
    expect(mapYandexSender('PARTNER')).toBe('seller');
    expect(mapYandexSender('MARKET')).toBe('marketplace');
    expect(mapYandexSender('SUPPORT')).toBe('support');
    expect(mapYandexSender('ROBOT')).toBe('marketplace');
  });
});
