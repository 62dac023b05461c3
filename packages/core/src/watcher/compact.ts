import type { ResolvedOptions } from './options.js';
import { comparePositions, type Order, shiftTime } from './position.js';
import type { WatcherState } from './state.js';

/** UTF-8 length of a string: the state's cap is in bytes as stored, not in UTF-16 units. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function stateBytes(state: WatcherState): number {
  return utf8Length(JSON.stringify(state));
}

function entryBytes(key: string, value: unknown): number {
  return utf8Length(JSON.stringify(key)) + 2 + utf8Length(JSON.stringify(value));
}

/** Lets one tracked chat go, raising the floor so none of what it handled is ever emitted again. */
function release(state: WatcherState, order: Order, chatId: string): void {
  const cursor = state.chats[chatId];
  if (cursor === undefined) return;
  delete state.chats[chatId];
  const [lastId, position] = cursor;
  const mark = lastId === '' ? '*' : lastId;
  const at = state.floor.at;
  const c = at === undefined ? 1 : comparePositions(order, position, at);
  if (c > 0) state.floor = { at: position, edge: { [chatId]: mark } };
  else if (c === 0 && state.floor.edge['*'] === undefined) state.floor.edge[chatId] = mark;
  // Below the floor: everything it handled is already covered.
}

/**
 * Keeps the state within `maxStateBytes`. The recent-id list keeps its newest `recentIds`, in at most
 * a quarter of the cap; then the
 * longest-quiet chats are let go first (chats active within the lag buffer last), each raising the
 * floor to its position so it can never re-emit. Only if more chats than the cap holds were let go
 * at one and the same instant is their edge dropped, which may repeat (never lose) a message of
 * exactly that instant.
 */
export function compactState(state: WatcherState, order: Order, options: ResolvedOptions): void {
  if (state.recent.length > options.recentIds) state.recent = state.recent.slice(-options.recentIds);
  // Recent ids get at most a quarter of the cap: chats are what keeps polls cheap.
  let recentBytes = utf8Length(JSON.stringify(state.recent));
  let drop = 0;
  while (recentBytes > options.maxStateBytes / 4 && drop < state.recent.length) {
    recentBytes -= utf8Length(JSON.stringify(state.recent[drop])) + 1;
    drop++;
  }
  if (drop > 0) state.recent = state.recent.slice(drop);
  trimPending(state, options.maxStateBytes / 4);
  let size = stateBytes(state);
  if (size <= options.maxStateBytes) return;
  const protectFrom =
    order === 'time' && state.watermark !== undefined
      ? shiftTime(state.watermark, -options.lagMs)
      : undefined;
  const isProtected = (position: string) =>
    protectFrom !== undefined && comparePositions('time', position, protectFrom) >= 0;
  const queue = Object.entries(state.chats)
    .map(([id, cursor]) => ({ id, cursor, shielded: isProtected(cursor[1]) }))
    .sort((a, b) => {
      if (a.shielded !== b.shielded) return a.shielded ? 1 : -1;
      const c = comparePositions(order, a.cursor[1], b.cursor[1]);
      if (c !== 0) return c;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  let next = 0;
  while (size > options.maxStateBytes) {
    const item = queue[next++];
    if (item === undefined) break;
    // Estimate, then measure exactly now and then: one stringify per chat would be quadratic.
    const { id: chatId, cursor } = item;
    const floorBefore = entryBytes('floor', state.floor);
    release(state, order, chatId);
    size += entryBytes('floor', state.floor) - floorBefore - entryBytes(chatId, cursor);
    if (size <= options.maxStateBytes) size = stateBytes(state);
  }
  if (size <= options.maxStateBytes) return;
  // Nothing left to let go: more chats sat at one instant than the cap holds. Dropping their
  // edge can repeat a message at exactly that instant (same event id, and most are still in
  // `recent`), never lose one: at-least-once, as everywhere else.
  if (Object.keys(state.floor.edge).length > 0) state.floor.edge = {};
  while (stateBytes(state) > options.maxStateBytes && state.recent.length > 0) {
    state.recent = state.recent.slice(Math.ceil(state.recent.length / 2));
    if (state.recent.length === 1) state.recent = [];
  }
  if (stateBytes(state) > options.maxStateBytes) trimPending(state, 0);
}

/**
 * Pending redeliveries get at most `budget` bytes: the oldest go first. A message dropped here is
 * no longer redelivered; the others keep their guarantee.
 */
export function trimPending(state: WatcherState, budget: number): void {
  const pending = state.pending;
  if (pending === undefined || pending.length === 0) return;
  let bytes = utf8Length(JSON.stringify(pending));
  let drop = 0;
  while (bytes > budget && drop < pending.length) {
    bytes -= utf8Length(JSON.stringify(pending[drop])) + 1;
    drop++;
  }
  if (drop > 0) state.pending = pending.slice(drop);
}
