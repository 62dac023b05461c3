import { ValidationError } from '../errors/errors.js';
import type { Clock } from '../http/clock.js';
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
  /**
   * Opt-in redelivery of unanswered buyer messages, for flows that must answer every message
   * exactly once even when the host dies (kill -9) at any point. The marketplace is the journal:
   * the state remembers each buyer message it emitted; a message counts as answered once any
   * seller message follows it in its chat. One still unanswered `afterMs` after it was emitted is
   * emitted again, with the same event id and `redelivered: true`, up to `maxAttempts`
   * deliveries in all (2–10, default 3), then dropped. With it on, hosts save the state BEFORE
   * handing the events on (see poll()). A flow that never replies gets each buyer message
   * `maxAttempts` times. Needs `clock`.
   */
  redeliver?: RedeliverOptions;
  /**
   * The host's clock (the same shape push handlers take): only for when an unanswered message is
   * due again, which is host time by nature. Positions never come from it. Required with `redeliver`.
   */
  clock?: Clock;
}

export interface RedeliverOptions {
  /** Milliseconds after a delivery before an unanswered message is delivered again: 1000 to 86400000. */
  afterMs: number;
  /** Deliveries in all, the first included: 2 to 10. Default 3. */
  maxAttempts?: number;
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
  redeliver?: { afterMs: number; maxAttempts: number; clock: Clock };
}

/** Redelivery waits at least a second (a reply takes time) and at most a day. */
export const MIN_REDELIVER_MS = 1_000;
export const MAX_REDELIVER_MS = 86_400_000;

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
    ...resolveRedeliver(marketplace, options),
  };
}

function resolveRedeliver(
  marketplace: MarketplaceId,
  options: WatcherOptions,
): Pick<ResolvedOptions, 'redeliver'> {
  const redeliver = options.redeliver;
  if (redeliver === undefined) return {};
  if (typeof redeliver !== 'object' || redeliver === null || redeliver.afterMs === undefined) {
    throw new ValidationError(`redeliver must be { afterMs, maxAttempts? } (${marketplace} watcher)`, {
      field: 'redeliver.afterMs',
      limit: `${MIN_REDELIVER_MS}..${MAX_REDELIVER_MS}`,
      marketplace,
    });
  }
  const afterMs = wholeNumber(
    marketplace,
    'redeliver.afterMs',
    redeliver.afterMs,
    0,
    MIN_REDELIVER_MS,
    MAX_REDELIVER_MS,
  );
  const maxAttempts = wholeNumber(marketplace, 'redeliver.maxAttempts', redeliver.maxAttempts, 3, 2, 10);
  const clock = options.clock;
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function') {
    throw new ValidationError(
      `redeliver needs the host's clock: { now(): number } (${marketplace} watcher)`,
      {
        field: 'clock',
        limit: '{ now(): number }',
        marketplace,
      },
    );
  }
  return { redeliver: { afterMs, maxAttempts, clock } };
}
