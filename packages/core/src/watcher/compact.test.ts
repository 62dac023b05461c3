import { describe, expect, it } from 'vitest';
import { compactState, stateBytes, utf8Length } from './compact.js';
import { resolveOptions } from './options.js';
import { chatOf, stateAt } from './testing/synthetic.js';
import { createTracker, planChat } from './track.js';

const T = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, 0) + s * 1000).toISOString();

describe('state cap', () => {
  it('measures UTF-8 bytes, not UTF-16 units', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('lets the longest-quiet chats go first and raises the floor to the last one let go', () => {
    const state = stateAt(T(0), { watermark: T(5000) });
    for (let i = 0; i < 400; i++) state.chats[`chat-${String(i).padStart(4, '0')}`] = [`message-${i}`, T(i)];
    const options = resolveOptions('metro', { maxStateBytes: 8_192, lagMs: 0 });
    compactState(state, 'time', options);
    expect(stateBytes(state)).toBeLessThanOrEqual(8_192);
    const kept = Object.values(state.chats).map(([, at]) => at);
    const floor = state.floor.at!;
    expect(kept.every((at) => at > floor)).toBe(true);
    const letGo = 400 - kept.length;
    expect(floor).toBe(T(letGo - 1));
    // The chat let go last sits exactly at the floor: pinned to its message, never read from scratch.
    expect(state.floor.edge).toEqual({
      [`chat-${String(letGo - 1).padStart(4, '0')}`]: `message-${letGo - 1}`,
    });
    const t = createTracker(state, 'time', options);
    expect(planChat(t, chatOf('chat-0000', T(0)))).toEqual({ read: false });
  });

  it('lets chats active within the lag buffer go last', () => {
    const state = stateAt(T(0), { watermark: T(1000) });
    for (let i = 0; i < 300; i++) state.chats[`quiet-${i}`] = [`m${i}`, T(i)];
    for (let i = 0; i < 20; i++) state.chats[`busy-${i}`] = [`b${i}`, T(990 + (i % 5))];
    compactState(state, 'time', resolveOptions('metro', { maxStateBytes: 4_096, lagMs: 60_000 }));
    expect(Object.keys(state.chats).filter((id) => id.startsWith('busy-'))).toHaveLength(20);
    expect(stateBytes(state)).toBeLessThanOrEqual(4_096);
  });

  it('keeps only the newest recent ids', () => {
    const state = stateAt(T(0), { recent: Array.from({ length: 300 }, (_, i) => `metro:msg:c:${i}`) });
    compactState(state, 'time', resolveOptions('metro', { recentIds: 10 }));
    expect(state.recent).toEqual(Array.from({ length: 10 }, (_, i) => `metro:msg:c:${290 + i}`));
  });

  it('drops a huge edge of chats let go at one instant rather than break the cap (repeats possible, no loss)', () => {
    const state = stateAt(T(0), { watermark: T(0) });
    for (let i = 0; i < 200; i++) state.chats[`same-instant-${i}`] = [`m-${i}`, T(0)];
    compactState(state, 'time', resolveOptions('metro', { maxStateBytes: 4_096, lagMs: 0, settleMs: 0 }));
    expect(stateBytes(state)).toBeLessThanOrEqual(4_096);
    expect(state.floor).toEqual({ at: T(0), edge: {} });
    // Chats at that instant are read again and their messages there count as new: never lost.
    const t = createTracker(state, 'time', resolveOptions('metro'));
    expect(planChat(t, chatOf('same-instant-7', T(0)))).toEqual({ read: true, known: false });
  });
});
