import type { Clock } from '../http/clock.js';
import type { MarketplaceClient } from '../marketplaces/client.js';
import type { Chat } from '../model/chat.js';
import type { ChatEvent } from '../model/events.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { compactState } from './compact.js';
import type { ResolvedOptions, WatcherOptions } from './options.js';
import type { Order } from './position.js';
import { readMessages } from './read.js';
import { loadWatcherState, WATCHER_STATE_VERSION, type WatcherState } from './state.js';
import { acceptChat, chatIsNew, createTracker, planChat, sortedEvents, type Tracker } from './track.js';

/** A notification as the host's HTTP server received it: the body is the raw text. */
export interface PushRequest {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What to answer, exactly as the marketplace's protocol wants it. */
export interface PushResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface PushOptions extends WatcherOptions {
  /**
   * The host's clock: only for the `time` field the marketplace wants in a PING reply (when
   * processing started). Positions in the state never come from it.
   */
  clock: Clock;
  /** Integration name in PING replies (1–100 characters). Default 'SellerChat'. */
  name?: string;
  /** Integration version in PING replies (1–100 characters). Default '1'. */
  version?: string;
}

export interface PushResult {
  response: PushResponse;
  /** New events, oldest first. Hand them on BEFORE saving `state`, as with poll (with `redeliver`: after saving it). */
  events: ChatEvent[];
  /** Save it after the events were handed on; on an error it is the state passed in, unchanged. */
  state: WatcherState | undefined;
}

export function jsonResponse(status: number, body: unknown): PushResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * The state a push works on. With none saved yet (a push before any poll), "now" is where the
 * notification itself stands in the marketplace's data: that and everything after it is new.
 * `floorAt` must not lie after the notified message, or that very message is lost: Yandex
 * passes the start of the notification's second (its API gives whole seconds), Ozon the id just
 * below the notified message's.
 */
export function pushState(
  marketplace: MarketplaceId,
  state: WatcherState | undefined,
  options: ResolvedOptions,
  floorAt: string,
): WatcherState {
  if (state !== undefined) return loadWatcherState(state, marketplace);
  return {
    version: WATCHER_STATE_VERSION,
    marketplace,
    follows: options.messages ? 'messages' : 'chats',
    floor: { at: floorAt, edge: {} },
    chats: {},
    recent: [],
    polls: 0,
  };
}

/**
 * The push side of the dedup: the chat goes through exactly the decisions a poll makes for a
 * listed chat (read from its last seen message when tracked, from its start when new or beyond
 * the floor), so a push and a poll never emit the same message twice. With `thin` set, an old
 * chat the state no longer tracks is not read from its start: the caller fetches just the
 * notified message instead. Returns whether the chat was handled.
 */
export async function followChat(
  client: MarketplaceClient,
  t: Tracker,
  chat: Chat,
  thin: boolean,
): Promise<'handled' | 'old-chat'> {
  const plan = planChat(t, chat);
  if (!plan.read) return 'handled';
  if (!plan.known && thin && !chatIsNew(t, chat, [])) return 'old-chat';
  const after = plan.known ? plan.after : undefined;
  const messages = t.options.messages || !plan.known ? await readMessages(client, chat.id, after) : [];
  acceptChat(t, chat, plan, messages, 'push');
  return 'handled';
}

export function finish(t: Tracker, order: Order, response: PushResponse): PushResult {
  compactState(t.state, order, t.options);
  return { response, events: sortedEvents(t), state: t.state };
}

export { createTracker };
