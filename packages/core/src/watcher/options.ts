import { ValidationError } from '../errors/errors.js';
import type { ChatKind } from '../model/chat.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { normalizeTime } from './position.js';

/**
 * What the very first call (no saved state) does. Activation never floods a workflow:
 * - `'now'` (default): emits nothing; remembers where "now" is in the marketplace's own data.
 * - `'unread'`: emits the buyer messages that are unread at that moment, then goes on from now.
 * - `{ since }`: emits every message from that ISO time on.
 */
export type FirstRun = 'now' | 'unread' | { since: string };

export interface WatcherOptions {
  firstRun?: FirstRun;
  /** Which events to emit: `message.received`, `chat.created`, or both (default). */
  events?: 'messages' | 'chats' | 'both';
  /** Emit the seller's own messages too (sent from the marketplace's cabinet or another tool). Default false. */
  includeSellerMessages?: boolean;
  /** Emit automatic marketplace messages (Yandex MARKET, Ozon crm/courier). Default false. */
  includeMarketplaceMessages?: boolean;
  /** Emit messages from marketplace support staff. Default false. */
  includeSupportMessages?: boolean;
  /** Only chats of these kinds; default every kind. Chats of other kinds are not even read. */
  chatKinds?: ChatKind[];
  /** Cap on the JSON size of the state, in bytes. Default 65536; at least 4096. */
  maxStateBytes?: number;
  /**
   * How far back (ms of marketplace time) a time-filtered listing reaches behind the newest
   * activity already seen, for messages the marketplace shows late. Default 120000.
   */
  lagMs?: number;
  /**
   * A chat whose last activity is this close (ms) to the newest activity seen is read again even
   * when its listing looks unchanged: another message may share its timestamp. Default 5000.
   */
  settleMs?: number;
  /** How many recently emitted event ids the state keeps for deduplication. Default 128. */
  recentIds?: number;
  /**
   * Yandex and Ozon (lists with no time filter): polls stop paging at chats older than what was
   * already seen, once the list has shown it comes newest activity first; every `sweepEvery`
   * polls list every chat regardless, which checks that order again. Default 10; 1 lists every
   * chat on every poll.
   */
  sweepEvery?: number;
}

export interface ResolvedOptions {
  marketplace: MarketplaceId;
  firstRun: 'now' | 'unread' | { since: string };
  messages: boolean;
  chats: boolean;
  senders: Set<'buyer' | 'seller' | 'marketplace' | 'support'>;
  chatKinds: Set<ChatKind> | undefined;
  maxStateBytes: number;
  lagMs: number;
  settleMs: number;
  recentIds: number;
  sweepEvery: number;
}

const KINDS: ChatKind[] = ['order', 'return', 'direct', 'support'];

function wholeNumber(
  marketplace: MarketplaceId,
  field: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(
      `${field} must be a whole number from ${min} to ${max} (${marketplace} watcher)`,
      {
        field,
        limit: `${min}..${max}`,
        marketplace,
      },
    );
  }
  return value;
}

/** Checks options before any request is made. */
export function resolveOptions(marketplace: MarketplaceId, options: WatcherOptions = {}): ResolvedOptions {
  const firstRun = options.firstRun ?? 'now';
  let resolvedFirstRun: ResolvedOptions['firstRun'];
  if (firstRun === 'now' || firstRun === 'unread') resolvedFirstRun = firstRun;
  else if (typeof firstRun === 'object' && firstRun !== null && typeof firstRun.since === 'string') {
    const since = normalizeTime(firstRun.since);
    if (since === undefined) {
      throw new ValidationError(`firstRun.since must be an ISO 8601 date (${marketplace} watcher)`, {
        field: 'firstRun.since',
        limit: 'ISO 8601 date-time',
        marketplace,
      });
    }
    resolvedFirstRun = { since };
  } else {
    throw new ValidationError(
      `firstRun must be 'now', 'unread' or { since: ISO date } (${marketplace} watcher)`,
      {
        field: 'firstRun',
        limit: "'now' | 'unread' | { since }",
        marketplace,
      },
    );
  }
  const events = options.events ?? 'both';
  if (events !== 'messages' && events !== 'chats' && events !== 'both') {
    throw new ValidationError(`events must be 'messages', 'chats' or 'both' (${marketplace} watcher)`, {
      field: 'events',
      limit: "'messages' | 'chats' | 'both'",
      marketplace,
    });
  }
  let chatKinds: Set<ChatKind> | undefined;
  if (options.chatKinds !== undefined) {
    const bad = options.chatKinds.find((k) => !KINDS.includes(k));
    if (bad !== undefined || options.chatKinds.length === 0) {
      throw new ValidationError(
        `chatKinds must be a non-empty list of ${KINDS.join(', ')} (${marketplace} watcher)`,
        {
          field: 'chatKinds',
          limit: KINDS.join(' | '),
          marketplace,
        },
      );
    }
    chatKinds = new Set(options.chatKinds);
  }
  const senders = new Set<'buyer' | 'seller' | 'marketplace' | 'support'>(['buyer']);
  if (options.includeSellerMessages) senders.add('seller');
  if (options.includeMarketplaceMessages) senders.add('marketplace');
  if (options.includeSupportMessages) senders.add('support');
  return {
    marketplace,
    firstRun: resolvedFirstRun,
    messages: events !== 'chats',
    chats: events !== 'messages',
    senders,
    chatKinds,
    maxStateBytes: wholeNumber(
      marketplace,
      'maxStateBytes',
      options.maxStateBytes,
      65_536,
      4_096,
      64 * 1024 * 1024,
    ),
    lagMs: wholeNumber(marketplace, 'lagMs', options.lagMs, 120_000, 0, 24 * 3_600_000),
    settleMs: wholeNumber(marketplace, 'settleMs', options.settleMs, 5_000, 0, 3_600_000),
    recentIds: wholeNumber(marketplace, 'recentIds', options.recentIds, 128, 0, 10_000),
    sweepEvery: wholeNumber(marketplace, 'sweepEvery', options.sweepEvery, 10, 1, 10_000),
  };
}
