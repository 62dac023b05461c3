import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../json/lossless.js';
import { mapMetroChat } from './map-chat.js';
import type { MetroChat, MetroEnvelope } from './wire.js';

function fixture<T>(name: string): T {
  return parseJson(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as T;
}

const SEED_CHAT = {
  marketplace: 'metro',
  id: '9fc8aac4-6fce-43f2-b230-0b372097729b',
  kind: 'order',
  status: 'waiting_for_buyer',
  marketplaceStatus: 'WAITING_FOR_BUYER',
  context: { orderId: '4cff7a94-224c-45e4-8187-6d978e3afab5', orderNumber: 'O25-568200129071' },
  buyer: { id: '7cc2d1d0-bf2c-4af6-89c0-01fbb24a436a', name: 'Quality Business Valid Vies' },
  subject: 'Order status',
  unreadCount: 0,
  createdAt: '2025-09-02T19:41:12.000Z',
  lastMessageAt: '2025-09-02T19:41:12.000Z',
};

describe('mapMetroChat on the seed payloads', () => {
  it('maps the list-chats example with nothing lost', () => {
    const body = fixture<MetroEnvelope<MetroChat[]>>('list-chats.json');
    const chats = body.data!.map(mapMetroChat);
    expect(chats).toHaveLength(1);
    expect(chats[0]).toEqual({ ...SEED_CHAT, raw: body.data![0] });
    expect(chats[0]!.raw).toBe(body.data![0]);
  });

  it('maps the initiate-chat and unseen-chats examples the same way', () => {
    const created = fixture<MetroEnvelope<MetroChat>>('initiate-chat.json');
    expect(mapMetroChat(created.data!)).toEqual({ ...SEED_CHAT, raw: created.data });
    const unseen = fixture<MetroEnvelope<{ chats: MetroChat[]; count: number }>>('unseen-chats.json');
    expect(unseen.data!.chats.map(mapMetroChat)).toEqual([{ ...SEED_CHAT, raw: unseen.data!.chats[0] }]);
  });
});

describe('mapMetroChat statuses and names', () => {
  const base: MetroChat = { id: 'c1', createdAt: '2025-09-02T21:41:12+02:00' };

  it('normalises every documented status and keeps Metro\u2019s own value', () => {
    const cases: Array<[string, string]> = [
      ['DRAFT', 'new'],
      ['WAITING_FOR_SELLER', 'waiting_for_seller'],
      ['WAITING_FOR_BUYER', 'waiting_for_buyer'],
      ['OVER_SLA', 'waiting_for_seller'],
      ['SOMETHING_NEW', 'other'],
    ];
    for (const [metro, status] of cases) {
      const chat = mapMetroChat({ ...base, status: metro });
      expect(chat.status).toBe(status);
      expect(chat.marketplaceStatus).toBe(metro);
    }
  });

  it('converts offsets to UTC, prefers the custom subject and tolerates missing parts', () => {
    const chat = mapMetroChat({
      ...base,
      customSubject: 'Invoice correction request',
      category: { name: 'Order status' },
      subject: 'SELLER.OTHERS',
      buyer: { firstName: 'Anna', lastName: null },
    });
    expect(chat.createdAt).toBe('2025-09-02T19:41:12.000Z');
    expect(chat.subject).toBe('Invoice correction request');
    expect(chat.buyer).toEqual({ id: undefined, name: 'Anna' });
    expect(mapMetroChat(base).buyer).toBeUndefined();
    expect(mapMetroChat({ ...base, subject: 'SELLER.OTHERS' }).subject).toBe('SELLER.OTHERS');
  });

  it('refuses a chat without an id', () => {
    expect(() => mapMetroChat({ status: 'DRAFT' } as MetroChat)).toThrow(/Metro Markets: a chat .* no id/);
  });
});
