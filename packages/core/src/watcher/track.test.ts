import { describe, expect, it } from 'vitest';
import { chatOf, messageOf, stateAt, trackerFor } from './testing/synthetic.js';
import { acceptChat, acceptLoneMessage, planChat, sortedEvents } from './track.js';

const T = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();

describe('planning a chat from a listing', () => {
  it('skips a tracked chat whose position did not move, and reads one that did from its last message', () => {
    const t = trackerFor(stateAt(T(50), { chats: { a: ['m1', T(10)] } }));
    expect(planChat(t, chatOf('a', T(10)))).toEqual({ read: false });
    expect(planChat(t, chatOf('a', T(20)))).toEqual({ read: true, known: true, after: 'm1' });
  });

  it('re-reads a tracked chat still settling (within settleMs of the newest activity), even unchanged', () => {
    const t = trackerFor(stateAt(T(50), { chats: { a: ['m1', T(48)] } }), { settleMs: 5_000 });
    expect(planChat(t, chatOf('a', T(48)))).toEqual({ read: true, known: true, after: 'm1' });
  });

  it('leaves chats below the floor alone and reads unknown chats above it in full', () => {
    const t = trackerFor(stateAt(T(30)));
    expect(planChat(t, chatOf('old', T(29)))).toEqual({ read: false });
    expect(planChat(t, chatOf('new', T(31)))).toEqual({ read: true, known: false });
  });

  it('reads a chat let go exactly at the floor from the message it was let go at', () => {
    const t = trackerFor(stateAt(T(30), { watermark: T(90), floor: { at: T(30), edge: { a: 'm7' } } }));
    expect(planChat(t, chatOf('a', T(30)))).toEqual({ read: false });
    expect(planChat(t, chatOf('a', T(40)))).toEqual({ read: true, known: true, after: 'm7' });
  });
});

describe('taking in what was read', () => {
  it('emits buyer messages beyond the floor once, with stable ids and the reply context', () => {
    const t = trackerFor(stateAt(T(30)));
    const chat = chatOf('a', T(32));
    const messages = [
      messageOf('a', 'm1', T(29)),
      messageOf('a', 'm2', T(31)),
      messageOf('a', 'm3', T(32), 'seller'),
    ];
    acceptChat(t, chat, { read: true, known: false }, messages, 'poll');
    const events = sortedEvents(t);
    expect(events.map((e) => e.id)).toEqual(['metro:msg:a:m2']);
    expect(events[0]).toMatchObject({
      type: 'message.received',
      reply: { marketplace: 'metro', chatId: 'a', messageId: 'm2' },
    });
    expect(t.state.chats.a).toEqual(['m3', T(32)]);
  });

  it('announces a chat created beyond the floor before its first message', () => {
    const t = trackerFor(stateAt(T(30)));
    const chat = chatOf('n', T(41), { createdAt: T(40) });
    acceptChat(t, chat, { read: true, known: false }, [messageOf('n', 'x1', T(41))], 'poll');
    expect(sortedEvents(t).map((e) => e.id)).toEqual(['metro:chat:n', 'metro:msg:n:x1']);
  });

  it('treats equal timestamps at the floor by chat: new in a chat not let go there, old in the one that was', () => {
    const t = trackerFor(stateAt(T(30), { floor: { at: T(30), edge: { a: '*' } } }));
    acceptChat(
      t,
      chatOf('a', T(31)),
      { read: true, known: false },
      [messageOf('a', 'a1', T(30)), messageOf('a', 'a2', T(31))],
      'poll',
    );
    acceptChat(t, chatOf('b', T(30)), { read: true, known: false }, [messageOf('b', 'b1', T(30))], 'poll');
    expect(sortedEvents(t).map((e) => e.id)).toEqual(['metro:msg:b:b1', 'metro:msg:a:a2']);
  });

  it('follows the sender and event options', () => {
    const t = trackerFor(stateAt(T(30)), { includeSellerMessages: true, events: 'messages' });
    acceptChat(
      t,
      chatOf('a', T(33), { createdAt: T(31) }),
      { read: true, known: false },
      [
        messageOf('a', '1', T(31), 'seller'),
        messageOf('a', '2', T(32), 'marketplace'),
        messageOf('a', '3', T(33), 'support'),
      ],
      'poll',
    );
    expect(sortedEvents(t).map((e) => e.id)).toEqual(['metro:msg:a:1']);
  });

  it('does not emit again a message a thin push emitted by id, when the poll then reads the chat', () => {
    const t = trackerFor(stateAt(T(30)));
    const chat = chatOf('a', T(35));
    acceptLoneMessage(t, chat, messageOf('a', 'm5', T(35)), 'push');
    acceptChat(
      t,
      chat,
      { read: true, known: false },
      [messageOf('a', 'm4', T(34)), messageOf('a', 'm5', T(35))],
      'poll',
    );
    expect(sortedEvents(t).map((e) => e.id)).toEqual(['metro:msg:a:m4', 'metro:msg:a:m5']);
    expect(t.events.filter((e) => e.id === 'metro:msg:a:m5')).toHaveLength(1);
  });
});
