import { describe, expect, it } from 'vitest';
import type { Message, SenderRole } from '../model/message.js';
import { answerPending, judgePending } from './pending.js';
import type { PendingDelivery, WatcherState } from './state.js';

const msg = (id: string, sender: SenderRole, createdAt: string): Message => ({
  marketplace: 'yandex',
  id,
  chatId: 'c1',
  sender,
  text: id,
  createdAt,
  attachments: [],
  raw: {},
});

const T0 = '2026-03-02T09:00:00.000Z';
const T1 = '2026-03-02T09:00:01.000Z';
const entry: PendingDelivery = ['yandex:msg:c1:10', 'c1', '10', T0, T1, 1];

describe('judgePending: what a chat read says about a pending message', () => {
  it('a seller message after it in the history answers it, equal timestamps included', () => {
    expect(judgePending(entry, [msg('10', 'buyer', T0), msg('11', 'seller', T0)], false).kind).toBe(
      'answered',
    );
    expect(judgePending(entry, [msg('10', 'buyer', T0), msg('12', 'buyer', T1)], false)).toMatchObject({
      kind: 'unanswered',
      message: { id: '10' },
    });
    // A seller message before it answers something else.
    expect(judgePending(entry, [msg('9', 'seller', T0), msg('10', 'buyer', T0)], false).kind).toBe(
      'unanswered',
    );
  });

  it('not in a newest page: answered by a later seller message, else gone', () => {
    expect(judgePending(entry, [msg('20', 'seller', T1)], false).kind).toBe('answered');
    expect(judgePending(entry, [msg('20', 'seller', T0)], false).kind).toBe('gone');
    expect(judgePending(entry, [], false).kind).toBe('gone');
  });

  it('a read from the message on (Yandex): any seller message answers it, else the message is fetched', () => {
    expect(judgePending(entry, [msg('11', 'seller', T0)], true).kind).toBe('answered');
    expect(judgePending(entry, [msg('11', 'buyer', T1)], true).kind).toBe('fetch');
  });
});

describe('answerPending: a reply the poll read anyway', () => {
  const state = (): WatcherState => ({
    version: 1,
    marketplace: 'yandex',
    follows: 'messages',
    floor: { edge: {} },
    chats: {},
    recent: [],
    polls: 1,
    pending: [entry, ['yandex:msg:c2:10', 'c2', '10', T0, T1, 1]],
  });

  it('settles only its own chat, and an equal timestamp only when read after the cursor', () => {
    const s = state();
    answerPending(s, 'time', msg('11', 'seller', T0), false);
    expect(s.pending).toHaveLength(2);
    answerPending(s, 'time', msg('11', 'seller', T0), true);
    expect(s.pending?.map((p) => p[1])).toEqual(['c2']);
    const later = state();
    answerPending(later, 'time', msg('11', 'seller', T1), false);
    expect(later.pending?.map((p) => p[1])).toEqual(['c2']);
  });

  it('compares ids where positions are ids (Ozon)', () => {
    const s = state();
    answerPending(s, 'id', msg('9', 'seller', T1), false);
    expect(s.pending).toHaveLength(2);
    answerPending(s, 'id', msg('11', 'seller', T0), false);
    expect(s.pending?.map((p) => p[1])).toEqual(['c2']);
  });
});
