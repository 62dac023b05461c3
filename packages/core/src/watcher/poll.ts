import type { MarketplaceClient } from '../marketplaces/client.js';
import { runFirstPoll } from './first-run.js';
import { resolveOptions, type WatcherOptions } from './options.js';
import { reanchor } from './reanchor.js';
import { type PollResult, runPoll } from './run-poll.js';
import { loadWatcherState, type WatcherState } from './state.js';
import { strategyFor } from './strategies/index.js';

export type { PollResult } from './run-poll.js';

/**
 * One poll: what changed since `state`, as events, and the state to save afterwards.
 *
 * The contract for hosts: call, hand the events on, and only THEN save the returned state. If the
 * poll throws, or the host fails before saving, the old state stays and the next poll returns the
 * same events again (with the same ids): nothing is lost, and a crash between handing on and
 * saving is the only way an event is delivered twice. Drop repeats by `event.id` where that matters.
 *
 * Pure with respect to its inputs: no globals, no timers, no local clock. All positions come
 * from the marketplace's own timestamps and ids. `state` is never modified.
 */
export async function poll(
  client: MarketplaceClient,
  state: WatcherState | string | undefined,
  options: WatcherOptions = {},
): Promise<PollResult> {
  const resolved = resolveOptions(client.marketplace, options);
  const strategy = strategyFor(client.marketplace);
  if (state === undefined) return runFirstPoll(client, strategy, resolved);
  const working = loadWatcherState(state, client.marketplace);
  const follows = resolved.messages ? 'messages' : 'chats';
  if (working.follows !== follows) reanchor(working, strategy.order, follows);
  return runPoll(client, strategy, working, resolved);
}
