import { assertSupported, type Capabilities, ValidationError } from '@sellerchat/core';
import { checkPushPath } from './push-route.js';
import type { WatcherOptions } from './watcher-api.js';

/** What the sellerchat-in edit dialog stores. */
export interface TriggerConfig {
  id: string;
  type: string;
  name?: string;
  account?: string;
  /** 'messages' (new message), 'chats' (new chat) or 'both'. */
  events?: string;
  /** Seconds between polls. */
  interval?: string | number;
  /** 'now' (default), 'unread' or 'since'. */
  firstRun?: string;
  since?: string;
  /** Context store name; empty picks a persistent store when settings.js has one. */
  store?: string;
  push?: boolean;
  pushPath?: string;
  /** "Redeliver unanswered after (s)": seconds; empty or 0 is off (the default). */
  redeliver?: string | number;
  /** Deliveries in all with redelivery on, the first included: 2 to 10; empty is 3. */
  redeliverMax?: string | number;
}

export interface TriggerOptions {
  intervalMs: number;
  watcher: WatcherOptions;
  /** The push endpoint's path below httpNodeRoot, when push is on. */
  pushPath?: string;
}

export const MIN_INTERVAL_S = 1;
export const MAX_INTERVAL_S = 86_400;
export const DEFAULT_INTERVAL_S = 60;
export const MIN_REDELIVER_S = 1;
export const MAX_REDELIVER_S = 86_400;
export const DEFAULT_REDELIVER_MAX = 3;

/** Checks the trigger's settings against the marketplace before anything starts. */
export function triggerOptions(config: TriggerConfig, caps: Capabilities): TriggerOptions {
  const where = { marketplace: caps.marketplace };
  const raw =
    config.interval === undefined || config.interval === '' ? DEFAULT_INTERVAL_S : Number(config.interval);
  if (!Number.isInteger(raw) || raw < MIN_INTERVAL_S || raw > MAX_INTERVAL_S) {
    throw new ValidationError(
      `${caps.displayName}: poll interval must be a whole number of seconds from ${MIN_INTERVAL_S} to ${MAX_INTERVAL_S} (got "${String(config.interval)}")`,
      { ...where, field: 'interval', limit: `${MIN_INTERVAL_S}..${MAX_INTERVAL_S} seconds` },
    );
  }
  const events = config.events || 'messages';
  if (events !== 'messages' && events !== 'chats' && events !== 'both') {
    throw new ValidationError(
      `${caps.displayName}: events must be messages, chats or both (got "${events}")`,
      {
        ...where,
        field: 'events',
        limit: 'messages | chats | both',
      },
    );
  }
  const firstRunName = config.firstRun || 'now';
  let firstRun: WatcherOptions['firstRun'];
  if (firstRunName === 'now' || firstRunName === 'unread') firstRun = firstRunName;
  else if (firstRunName === 'since') {
    const since = (config.since ?? '').trim();
    if (since === '' || Number.isNaN(Date.parse(since))) {
      throw new ValidationError(
        `${caps.displayName}: first run "since" needs a date and time, e.g. 2026-01-31T00:00:00Z (got "${since}")`,
        { ...where, field: 'since', limit: 'ISO 8601 date-time' },
      );
    }
    firstRun = { since: new Date(since).toISOString() };
  } else {
    throw new ValidationError(
      `${caps.displayName}: first run must be now, unread or since (got "${firstRunName}")`,
      {
        ...where,
        field: 'firstRun',
        limit: 'now | unread | since',
      },
    );
  }
  const options: TriggerOptions = { intervalMs: raw * 1000, watcher: { events, firstRun } };
  const redeliver = redeliverOption(config, caps);
  if (redeliver) options.watcher.redeliver = redeliver;
  if (config.push) {
    assertSupported(caps, 'push');
    options.pushPath = checkPushPath(config.pushPath);
  }
  return options;
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** Redelivery of unanswered buyer messages: off unless a delay is given; the core checks the rest too. */
function redeliverOption(config: TriggerConfig, caps: Capabilities): WatcherOptions['redeliver'] {
  const where = { marketplace: caps.marketplace };
  if (blank(config.redeliver) || Number(config.redeliver) === 0) return undefined;
  const seconds = Number(config.redeliver);
  if (!Number.isInteger(seconds) || seconds < MIN_REDELIVER_S || seconds > MAX_REDELIVER_S) {
    throw new ValidationError(
      `${caps.displayName}: "redeliver unanswered after" must be 0 (off) or a whole number of seconds from ${MIN_REDELIVER_S} to ${MAX_REDELIVER_S} (got "${String(config.redeliver)}")`,
      { ...where, field: 'redeliver', limit: `0 | ${MIN_REDELIVER_S}..${MAX_REDELIVER_S} seconds` },
    );
  }
  const max = blank(config.redeliverMax) ? DEFAULT_REDELIVER_MAX : Number(config.redeliverMax);
  if (!Number.isInteger(max) || max < 2 || max > 10) {
    throw new ValidationError(
      `${caps.displayName}: max deliveries must be a whole number from 2 to 10 (got "${String(config.redeliverMax)}")`,
      { ...where, field: 'redeliverMax', limit: '2..10' },
    );
  }
  return { afterMs: seconds * 1000, maxAttempts: max };
}
