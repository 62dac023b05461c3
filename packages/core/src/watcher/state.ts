import { ValidationError } from '../errors/errors.js';
import { isMarketplaceId, type MarketplaceId } from '../model/marketplace.js';

export const WATCHER_STATE_VERSION = 1;

/** A tracked chat: the id of the last message handled ('' before any) and the chat's position then. */
export type ChatCursor = [lastMessageId: string, position: string];

/**
 * A buyer message emitted with `redeliver` on and not known to be answered yet: its event id,
 * chat, message, the message's time (marketplace time, ISO), when it is due to be checked again
 * (host clock, ISO) and how many times it was delivered so far.
 */
export type PendingDelivery = [
  eventId: string,
  chatId: string,
  messageId: string,
  messageAt: string,
  dueAt: string,
  attempts: number,
];

/**
 * Everything the watcher remembers, as plain JSON: n8n keeps it in workflow static data, Node-RED
 * in a context store. Save it only after the events of the same call were handed on.
 *
 * Bounded whatever the history: recently active chats are tracked one by one; every chat that is
 * not is covered by `floor`, below which nothing is emitted again.
 */
export interface WatcherState {
  version: typeof WATCHER_STATE_VERSION;
  marketplace: MarketplaceId;
  /** 'messages' when chat histories are followed; 'chats' when only new chats are watched. */
  follows: 'messages' | 'chats';
  /**
   * Newest chat position seen in a listing (marketplace time, or Ozon message id). Listings that
   * filter by time start here minus the lag buffer; it never comes from the local clock.
   */
  watermark?: string;
  /** The watermark of the poll before (id positions): a listing stops below it, one poll of lag. */
  previousWatermark?: string;
  /**
   * What full listings showed about the marketplace's chat order: 'activity' when every chat came
   * newest activity first, so later listings may stop at old chats; checked again on every page.
   */
  listOrder?: 'activity' | 'unknown';
  /**
   * For chats not in `chats`: messages at or before `at` were handled. `edge` names the chats that
   * sat exactly at `at` when they were let go, with the last message handled there ('*' when every
   * message at `at` in that chat counts as handled), so equal timestamps are never re-emitted.
   */
  floor: { at?: string; edge: Record<string, string> };
  /** Recently active chats. */
  chats: Record<string, ChatCursor>;
  /** Ids of events emitted by paths that do not move a chat's cursor (thin pushes); newest last. */
  recent: string[];
  /** Completed polls, for strategies that sweep every chat now and then (Yandex). */
  polls: number;
  /**
   * Only with `redeliver`: buyer messages emitted and not yet seen answered, oldest first. Bounded
   * by a quarter of `maxStateBytes`; the oldest are dropped first when over, and a dropped entry
   * is no longer redelivered (its message may then stay unanswered after a crash).
   */
  pending?: PendingDelivery[];
}

function invalid(marketplace: MarketplaceId | undefined, message: string): ValidationError {
  return new ValidationError(`Watcher state: ${message}`, { field: 'state', marketplace });
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/**
 * Checks a state read back from storage (n8n static data, a Node-RED context store) and
 * migrates older versions. A state from another marketplace is refused: reusing it would emit
 * nothing, or everything.
 */
export function loadWatcherState(value: unknown, marketplace: MarketplaceId): WatcherState {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (typeof parsed !== 'object' || parsed === null) throw invalid(marketplace, 'expected an object');
  const s = parsed as Partial<WatcherState> & Record<string, unknown>;
  if (s.version !== WATCHER_STATE_VERSION) {
    throw invalid(
      marketplace,
      `unknown version ${String(s.version)} (this core reads version ${WATCHER_STATE_VERSION})`,
    );
  }
  if (!isMarketplaceId(s.marketplace)) throw invalid(marketplace, 'marketplace is missing');
  if (s.marketplace !== marketplace) {
    throw invalid(
      marketplace,
      `it belongs to ${s.marketplace}, not ${marketplace}: start from no state instead`,
    );
  }
  if (s.follows !== 'messages' && s.follows !== 'chats')
    throw invalid(marketplace, 'follows must be messages or chats');
  for (const key of ['watermark', 'previousWatermark'] as const) {
    if (s[key] !== undefined && typeof s[key] !== 'string')
      throw invalid(marketplace, `${key} must be a string`);
  }
  if (s.listOrder !== undefined && s.listOrder !== 'activity' && s.listOrder !== 'unknown') {
    throw invalid(marketplace, 'listOrder must be activity or unknown');
  }
  const floor = s.floor as WatcherState['floor'] | undefined;
  if (typeof floor !== 'object' || floor === null || !isStringRecord(floor.edge)) {
    throw invalid(marketplace, 'floor.edge must map chat ids to message ids');
  }
  if (floor.at !== undefined && typeof floor.at !== 'string')
    throw invalid(marketplace, 'floor.at must be a string');
  const chats = s.chats;
  if (typeof chats !== 'object' || chats === null || Array.isArray(chats))
    throw invalid(marketplace, 'chats must be an object');
  const copied: Record<string, ChatCursor> = {};
  for (const id in chats) {
    const cursor = (chats as Record<string, unknown>)[id];
    if (
      !Array.isArray(cursor) ||
      cursor.length !== 2 ||
      typeof cursor[0] !== 'string' ||
      typeof cursor[1] !== 'string'
    ) {
      throw invalid(marketplace, `chats[${JSON.stringify(id)}] must be [lastMessageId, position]`);
    }
    copied[id] = [cursor[0], cursor[1]];
  }
  if (!Array.isArray(s.recent) || s.recent.some((v) => typeof v !== 'string')) {
    throw invalid(marketplace, 'recent must be a list of event ids');
  }
  if (typeof s.polls !== 'number' || !Number.isInteger(s.polls) || s.polls < 0) {
    throw invalid(marketplace, 'polls must be a whole number');
  }
  const pending = s.pending === undefined ? undefined : loadPending(marketplace, s.pending);
  return {
    version: WATCHER_STATE_VERSION,
    marketplace,
    follows: s.follows,
    ...(s.watermark === undefined ? {} : { watermark: s.watermark }),
    ...(s.previousWatermark === undefined ? {} : { previousWatermark: s.previousWatermark }),
    ...(s.listOrder === undefined ? {} : { listOrder: s.listOrder }),
    floor: { ...(floor.at === undefined ? {} : { at: floor.at }), edge: { ...floor.edge } },
    chats: copied,
    recent: [...s.recent],
    polls: s.polls,
    ...(pending === undefined ? {} : { pending }),
  };
}

/** States saved before redelivery existed have no `pending`: that is no pending message. */
function loadPending(marketplace: MarketplaceId, value: unknown): PendingDelivery[] {
  if (!Array.isArray(value)) throw invalid(marketplace, 'pending must be a list');
  return value.map((entry: unknown, i) => {
    if (
      !Array.isArray(entry) ||
      entry.length !== 6 ||
      entry.slice(0, 5).some((v) => typeof v !== 'string') ||
      !Number.isInteger(entry[5]) ||
      (entry[5] as number) < 1
    ) {
      throw invalid(
        marketplace,
        `pending[${i}] must be [eventId, chatId, messageId, messageAt, dueAt, attempts]`,
      );
    }
    return [...entry] as PendingDelivery;
  });
}

/** A deep copy, so a poll never changes the state object the host still holds. */
export function cloneState(state: WatcherState): WatcherState {
  return {
    ...state,
    floor: { ...state.floor, edge: { ...state.floor.edge } },
    chats: Object.fromEntries(Object.entries(state.chats).map(([id, c]) => [id, [c[0], c[1]] as ChatCursor])),
    recent: [...state.recent],
    ...(state.pending === undefined ? {} : { pending: state.pending.map((p) => [...p] as PendingDelivery) }),
  };
}
