import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../json/lossless.js';
import { mapStoredenChat } from './map-chat.js';
import type { StoredenConversation } from './wire.js';

const list = parseJson(
  readFileSync(new URL('./__fixtures__/chat-list.json', import.meta.url), 'utf8'),
) as StoredenConversation[];

describe('mapStoredenChat on the seed chat_list', () => {
  it('maps every conversation: with_id as a string id, +0200 times as UTC, name as buyer', () => {
    expect(list.map(mapStoredenChat)).toEqual([
      {
        marketplace: 'storeden',
        id: '48617',
        kind: 'direct',
        status: 'other',
        context: {},
        buyer: { id: '48617', name: 'Test User' },
        lastMessageAt: '2015-09-29T14:30:05.000Z',
        raw: list[0],
      },
      {
        marketplace: 'storeden',
        id: '49077',
        kind: 'direct',
        status: 'other',
        context: {},
        buyer: { id: '49077', name: 'James Bond' },
        lastMessageAt: '2018-10-11T08:26:18.000Z',
        raw: list[1],
      },
    ]);
  });

  it('refuses a conversation without with_id', () => {
    expect(() => mapStoredenChat({ name: 'x' } as StoredenConversation)).toThrow(/Storeden: .* no with_id/);
  });
});
