import { describe, expect, it } from 'vitest';
import { reanchor } from './reanchor.js';
import { chatOf, messageOf, stateAt, trackerFor } from './testing/synthetic.js';
import { acceptChat, planChat, sortedEvents } from './track.js';

const T = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();

describe('switching between watching chats and watching messages', () => {
  it('starts following messages from the newest activity seen, replaying nothing from meanwhile', () => {
    const state = stateAt(T(10), {
      follows: 'chats',
      watermark: T(40),
      chats: { a: ['', T(30)], b: ['', T(40)] },
    });
    reanchor(state, 'time', 'messages');
    expect(state).toMatchObject({ follows: 'messages', chats: {}, floor: { at: T(40), edge: { '*': '*' } } });
    const t = trackerFor(state, { settleMs: 0 });
    expect(planChat(t, chatOf('a', T(30)))).toEqual({ read: false });
    // b sits exactly at the new floor: read again (it is still settling), yet nothing there is new.
    const b = chatOf('b', T(41));
    const plan = planChat(t, b);
    expect(plan).toEqual({ read: true, known: false });
    acceptChat(t, b, plan, [messageOf('b', 'b1', T(40)), messageOf('b', 'b2', T(41))], 'poll');
    expect(sortedEvents(t).map((e) => e.id)).toEqual(['metro:msg:b:b2']);
  });

  it('keeps everything when it stops following messages', () => {
    const state = stateAt(T(10), { chats: { a: ['m1', T(30)] } });
    reanchor(state, 'time', 'chats');
    expect(state.follows).toBe('chats');
    expect(state.chats).toEqual({ a: ['m1', T(30)] });
  });
});
