import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { cloneState, loadWatcherState, type WatcherState } from './state.js';

const sample: WatcherState = {
  version: 1,
  marketplace: 'ozon',
  follows: 'messages',
  watermark: '30000000001280042740',
  listOrder: 'activity',
  floor: { at: '3000000000817031942', edge: { 'c-1': '3000000000817031942' } },
  chats: { 'c-2': ['30000000001280042740', '30000000001280042740'] },
  recent: ['ozon:msg:c-2:30000000001280042740'],
  polls: 3,
};

describe('watcher state', () => {
  it('round-trips through JSON text unchanged', () => {
    const text = JSON.stringify(sample);
    expect(loadWatcherState(JSON.parse(text), 'ozon')).toEqual(sample);
    expect(loadWatcherState(text, 'ozon')).toEqual(sample);
  });

  it("refuses another marketplace's state, an unknown version and a malformed cursor", () => {
    expect(() => loadWatcherState(sample, 'metro')).toThrow(/belongs to ozon, not metro/);
    expect(() => loadWatcherState({ ...sample, version: 2 }, 'ozon')).toThrow(ValidationError);
    expect(() => loadWatcherState({ ...sample, chats: { x: ['1'] } }, 'ozon')).toThrow(/chats\["x"\]/);
    expect(() => loadWatcherState({ ...sample, recent: [1] }, 'ozon')).toThrow(/recent/);
  });

  it('copies deeply, so a poll never changes the object the host holds', () => {
    const copy = cloneState(sample);
    copy.chats['c-2']![0] = 'changed';
    copy.floor.edge.x = 'y';
    copy.recent.push('z');
    expect(sample.chats['c-2']![0]).toBe('30000000001280042740');
    expect(sample.floor.edge.x).toBeUndefined();
    expect(sample.recent).toHaveLength(1);
  });

  it('reads states without a pending list, and checks and copies one that has it', () => {
    expect('pending' in loadWatcherState(sample, 'ozon')).toBe(false);
    const entry = ['ozon:msg:c-2:1', 'c-2', '1', '2026-03-02T09:00:00.000Z', '2026-03-02T09:01:00.000Z', 1];
    const withPending = { ...sample, pending: [entry] };
    const loaded = loadWatcherState(JSON.stringify(withPending), 'ozon');
    expect(loaded.pending).toEqual([entry]);
    loaded.pending![0]![5] = 2;
    expect(entry[5]).toBe(1);
    expect(() => loadWatcherState({ ...sample, pending: {} }, 'ozon')).toThrow(/pending must be a list/);
    expect(() => loadWatcherState({ ...sample, pending: [entry.slice(0, 5)] }, 'ozon')).toThrow(
      /pending\[0\]/,
    );
    expect(() => loadWatcherState({ ...sample, pending: [[...entry.slice(0, 5), 0]] }, 'ozon')).toThrow(
      /pending\[0\]/,
    );
  });
});
