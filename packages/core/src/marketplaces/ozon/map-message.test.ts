import { describe, expect, it } from 'vitest';
import { fixture } from './__fixtures__/load.js';
import { mapOzonMessage, ozonRawText, splitOzonData } from './map-message.js';

const EXAMPLE_TEXT =
  'Здравствуйте, у меня вопрос по вашему товару "Стекло защитное для смартфонов", артикул 11223. Подойдет ли он на данную [ модель ](https://www.ozon.ru/product/smartfon-samsung-galaxy-a03s-4-64-gb-chernyy) телефона?';

describe('mapOzonMessage (v3ChatMessage)', () => {
  it('maps the /v3/chat/history example with nothing lost', () => {
    const body = fixture<{ messages: unknown[] }>('v3-chat-history.response.json');
    expect(mapOzonMessage(body.messages[0], '18b8e1f9-4ae7-461c-84ea-8e1f54d1a45e')).toEqual({
      marketplace: 'ozon',
      id: '3000000000817031942',
      chatId: '18b8e1f9-4ae7-461c-84ea-8e1f54d1a45e',
      sender: 'buyer',
      senderId: '115568',
      text: EXAMPLE_TEXT,
      createdAt: '2019-08-24T14:15:22.000Z',
      isRead: true,
      attachments: [],
      context: { orderNumber: '123456789', sku: '987654321' },
      raw: body.messages[0],
    });
  });

  it('maps the deprecated /v2/chat/history example (message_id spelling)', () => {
    const body = fixture<{ messages: unknown[] }>('v2-chat-history.response.json');
    const message = mapOzonMessage(body.messages[0], 'c');
    expect(message).toMatchObject({
      id: '3000000000817031942',
      sender: 'buyer',
      createdAt: '2022-07-18T20:58:04.528Z',
    });
    expect(message.text).toBe(EXAMPLE_TEXT);
  });

  it('accepts the schema spelling messageId and numeric ids', () => {
    const message = mapOzonMessage(
      { messageId: 12, created_at: '2022-07-18T20:58:04Z', user: { id: 5, type: 'seller' }, data: ['hi'] },
      'c',
    );
    expect(message).toMatchObject({ id: '12', senderId: '5', sender: 'seller', text: 'hi', attachments: [] });
  });

  it('refuses a message without an id or a time', () => {
    expect(() => mapOzonMessage({ created_at: '2022-07-18T20:58:04Z', data: [] }, 'c')).toThrow(
      /Ozon: message_id is missing/,
    );
    expect(() => mapOzonMessage({ message_id: '1', data: [] }, 'c')).toThrow(/message.created_at is missing/);
  });
});

describe('splitOzonData', () => {
  it('turns an item that is only an image or a file link into an attachment', () => {
    const split = splitOzonData([
      'Вот фото',
      '![](https://cdn1.ozone.ru/s3/chat/photo%201.jpg?x=1)',
      '![scan.png](https://cdn1.ozone.ru/s3/chat/abc)',
      '[invoice.pdf](https://cdn1.ozone.ru/s3/chat/inv)',
    ]);
    expect(split.text).toBe('Вот фото');
    expect(split.attachments).toEqual([
      {
        name: 'photo 1.jpg',
        url: 'https://cdn1.ozone.ru/s3/chat/photo%201.jpg?x=1',
        ref: 'https://cdn1.ozone.ru/s3/chat/photo%201.jpg?x=1',
      },
      {
        name: 'scan.png',
        url: 'https://cdn1.ozone.ru/s3/chat/abc',
        ref: 'https://cdn1.ozone.ru/s3/chat/abc',
      },
      {
        name: 'invoice.pdf',
        url: 'https://cdn1.ozone.ru/s3/chat/inv',
        ref: 'https://cdn1.ozone.ru/s3/chat/inv',
      },
    ]);
  });

  it('keeps links inside sentences and links that are not file names as text', () => {
    const items = [
      'see [ модель ](https://www.ozon.ru/product/x)',
      '[our shop](https://www.ozon.ru/seller/1)',
    ];
    expect(splitOzonData(items)).toEqual({ text: items.join('\n'), attachments: [] });
  });

  it('keeps the original Markdown reachable for matching', () => {
    const message = mapOzonMessage(
      {
        message_id: '1',
        created_at: '2022-07-18T20:58:04Z',
        user: { type: 'seller' },
        data: ['a', '![](https://x/y.png)'],
      },
      'c',
    );
    expect(message.text).toBe('a');
    expect(ozonRawText(message)).toBe('a\n![](https://x/y.png)');
  });
});
