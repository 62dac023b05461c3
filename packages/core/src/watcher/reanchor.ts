import { maxPosition, type Order } from './position.js';
import type { WatcherState } from './state.js';

/**
 * The host switched between watching messages and watching only new chats. Following messages
 * again after only chats were followed must not replay what happened meanwhile, so the floor
 * moves up to the newest activity seen and every tracked chat is let go under it.
 */
export function reanchor(state: WatcherState, order: Order, follows: 'messages' | 'chats'): void {
  if (follows === 'messages') {
    let at = maxPosition(order, state.floor.at, state.watermark);
    for (const [, position] of Object.values(state.chats)) at = maxPosition(order, at, position);
    state.floor = at === undefined ? { edge: {} } : { at, edge: { '*': '*' } };
    state.chats = {};
  }
  state.follows = follows;
}
