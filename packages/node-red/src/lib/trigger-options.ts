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
  if (config.push) {
    assertSupported(caps, 'push');
    options.pushPath = checkPushPath(config.pushPath);
  }
  return options;
}
