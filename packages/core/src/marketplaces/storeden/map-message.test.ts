import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../json/lossless.js';
import { mapStoredenMessage } from './map-message.js';
import type { StoredenChatPage, StoredenMessage } from './wire.js';

const page = parseJson(
  readFileSync(new URL('./__fixtures__/chat.json', import.meta.url), 'utf8'),
) as StoredenChatPage;

describe('mapStoredenMessage on the seed chat.json page', () => {
  const messages = page.messages!.map((m) => mapStoredenMessage(m, '49077'));

  it('keeps every id, text and sender, and converts +0200 / +0100 times to UTC', () => {
    expect(messages.map((m) => [m.id, m.sender, m.text, m.createdAt])).toEqual([
      ['5bbf092a16f46a0119e55a80', 'seller', 'Lorem Ipsum 4', '2018-10-11T08:26:18.000Z'],
      ['5a55ee8a16f46a094a06a11d', 'seller', 'Lorem Ipsum 3', '2018-01-10T10:44:26.000Z'],
      ['5a55ee4616f46aec4906a11d', 'seller', 'Lorem Ipsum 2', '2018-01-10T10:43:18.000Z'],
      ['59e7209d16f46ab504d20d22', 'seller', 'Lorem Ipsum 1', '2017-10-18T09:36:29.000Z'],
      ['5404951616f46afe57e9e938', 'buyer', 'test message', '2014-09-01T15:47:34.000Z'],
    ]);
    for (const [i, m] of messages.entries()) {
      expect(m.chatId).toBe('49077');
      expect(m.senderId).toBe('132');
      expect(m.attachments).toEqual([]);
      expect(m.raw).toBe(page.messages![i]);
    }
  });

  it('reads "" in read_by.with_id as not read by the buyer', () => {
    expect(messages[0]!.isRead).toBe(false);
    expect(messages[0]!.readAt).toBeUndefined();
    expect(messages[1]!.isRead).toBe(true);
    expect(messages[1]!.readAt).toBe('2018-04-03T09:28:18.000Z');
  });

  it('takes readAt of a buyer message from the shop side (read_by.myself_id)', () => {
    expect(messages[4]!.readAt).toBe('2014-09-01T16:18:06.000Z');
    expect(messages[4]!.isRead).toBe(true);
    const unread = mapStoredenMessage(
      { ...page.messages![4]!, read_by: { myself_id: '', with_id: '2014-09-01T18:13:44+0200' } },
      '49077',
    );
    expect(unread.isRead).toBe(false);
    expect(unread.readAt).toBeUndefined();
  });

  it('refuses messages without an id or a readable send_date', () => {
    expect(() => mapStoredenMessage({ message: 'x' } as StoredenMessage, '1')).toThrow(/no message_id/);
    expect(() => mapStoredenMessage({ message_id: 'a', send_date: '' }, '1')).toThrow(
      /Storeden: message send_date/,
    );
  });
});
