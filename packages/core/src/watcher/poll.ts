import type { MarketplaceClient } from '../marketplaces/client.js';
import { runFirstPoll } from './first-run.js';
import { resolveOptions, type WatcherOptions } from './options.js';
import { reanchor } from './reanchor.js';
import { redeliver } from './redeliver.js';
import { type PollResult, runPoll } from './run-poll.js';
import { loadWatcherState, type WatcherState } from './state.js';
import { strategyFor } from './strategies/index.js';

export type { PollResult } from './run-poll.js';

/**
 * One poll: what changed since `state`, as events, and the state to save afterwards.
 *
 * The contract for hosts, by default: call, hand the events on, and only THEN save the returned
 * state. If the poll throws, or the host fails before saving, the old state stays and the next
 * poll returns the same events again (with the same ids): nothing is lost, and a crash between
 * handing on and saving is the only way an event is delivered twice. Drop repeats by `event.id`
 * where that matters.
 *
 * With `options.redeliver` the order turns round: save the returned state FIRST, then hand the
 * events on. The state then remembers each buyer message handed on until a seller message
 * follows it in its chat, and a later poll emits one still unanswered `afterMs` after its
 * delivery again (same id, `redelivered: true`, at most `maxAttempts` deliveries in all). A crash
 * after the save but before the reply is mended by that redelivery; a crash after the reply
 * repeats nothing, because the reply itself answers the message. That is what gives an
 * auto-reply flow one reply per buyer message whatever moment the host dies at.
 *
 * Pure with respect to its inputs: no globals, no timers, no local clock. All positions come
 * from the marketplace's own timestamps and ids; only redelivery's due times come from
 * `options.clock`, the host's. `state` is never modified.
 */
export async function poll(
  client: MarketplaceClient,
  state: WatcherState | string | undefined,
  options: WatcherOptions = {},
): Promise<PollResult> {
  const resolved = resolveOptions(client.marketplace, options);
  const strategy = strategyFor(client.marketplace);
  if (state === undefined) {
    const first = await runFirstPoll(client, strategy, resolved);
    // What activation finds ('unread', since) is history, not a conversation this flow joined.
    const events = await redeliver(client, strategy, first.state, first.events, resolved, 'poll', false);
    return { events, state: first.state };
  }
  const working = loadWatcherState(state, client.marketplace);
  const follows = resolved.messages ? 'messages' : 'chats';
  if (working.follows !== follows) reanchor(working, strategy.order, follows);
  const result = await runPoll(client, strategy, working, resolved);
  const events = await redeliver(client, strategy, result.state, result.events, resolved, 'poll', true);
  return { events, state: result.state };
}
