import { describe, expect, it } from 'vitest';
import { fixture } from './__fixtures__/load.js';
import { mapOzonChat, mapOzonChatKind, mapOzonStatus } from './map-chat.js';

describe('mapOzonChat (v3ChatInfo)', () => {
  it('maps the /v3/chat/list example with ids beyond 2^64-1 kept as exact strings', () => {
    const body = fixture<{ chats: unknown[] }>('v3-chat-list.response.json');
    expect(mapOzonChat(body.chats[0])).toEqual({
      marketplace: 'ozon',
      id: '5e767w03-b400-4y1b-a841-75319ca8a5c8',
      kind: 'support',
      status: 'waiting_for_seller',
      marketplaceStatus: 'Opened',
      context: {},
      unreadCount: 1,
      createdAt: '2022-07-22T08:07:19.581Z',
      lastMessageId: '30000000001280042740',
      raw: body.chats[0],
    });
  });

  it('maps the deprecated /v2/chat/list example, which nests the chat the same way', () => {
    const body = fixture<{ chats: unknown[] }>('v2-chat-list.response.json');
    expect(mapOzonChat(body.chats[0])).toMatchObject({
      id: '5e767w03-b400-4y1b-a841-75319ca8a5c8',
      lastMessageId: '30000000001280042740',
      unreadCount: 1,
    });
  });

  it('maps chat types: only Buyer_Seller is a buyer chat', () => {
    expect(mapOzonChatKind('Buyer_Seller')).toBe('direct');
    expect(mapOzonChatKind('Seller_Support')).toBe('support');
    expect(mapOzonChatKind('Seller_Notification')).toBe('support');
    expect(mapOzonChatKind('UNSPECIFIED')).toBe('support');
    expect(mapOzonChatKind(undefined)).toBe('support');
  });

  it('maps statuses with unread counts', () => {
    expect(mapOzonStatus('Closed', 3)).toBe('closed');
    expect(mapOzonStatus('Opened', 2)).toBe('waiting_for_seller');
    expect(mapOzonStatus('Opened', 0)).toBe('other');
    expect(mapOzonStatus('UNSPECIFIED', 1)).toBe('other');
  });

  it('reads counters sent as strings and refuses a chat without an id', () => {
    const chat = mapOzonChat({
      chat: { chat_id: 'c1', chat_type: 'Buyer_Seller', chat_status: 'Opened' },
      unread_count: '4',
    });
    expect(chat).toMatchObject({ id: 'c1', kind: 'direct', unreadCount: 4, status: 'waiting_for_seller' });
    expect(chat.createdAt).toBeUndefined();
    expect(() => mapOzonChat({ chat: { chat_type: 'Buyer_Seller' } })).toThrow(
      /Ozon: chat.chat_id is missing/,
    );
  });

  it('reads the proto3 zero id "0" as no last message', () => {
    const chat = mapOzonChat({
      chat: { chat_id: 'c2', chat_status: 'Opened' },
      last_message_id: '0',
      unread_count: 0,
    });
    expect(chat.lastMessageId).toBeUndefined();
    expect(chat.status).toBe('other');
  });
});
