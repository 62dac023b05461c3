import { NotFoundError } from '../errors/errors.js';
import type { MarketplaceClient } from '../marketplaces/client.js';
import type { Chat } from '../model/chat.js';
import type { ChatEvent, MessageReceivedEvent } from '../model/events.js';
import type { Message } from '../model/message.js';
import { compactState } from './compact.js';
import { messageReceived } from './event-ids.js';
import type { ResolvedOptions } from './options.js';
import { addPending, isoAt, judgePending, type PendingOutcome } from './pending.js';
import type { PendingDelivery, WatcherState } from './state.js';
import type { ChangeStrategy } from './strategies/index.js';

/** Newest messages read per due chat where the history pages (Ozon; Storeden has fixed pages). */
const TAIL_PAGE = 50;

interface WithGetMessage {
  getMessage?: (chatId: string, messageId: string) => Promise<Message>;
}

/**
 * Redelivery after a poll or push has found its events. Due pending messages are checked with
 * one history read per chat (and, to re-emit, the chat itself): answered or gone ones are
 * dropped; the rest are emitted again with their first id and `redelivered: true`, until
 * `maxAttempts` deliveries. Then this call's new buyer messages join the pending list, unless
 * `track` is off (first runs: what activation finds is not owed a reply by this flow).
 *
 * Without `redeliver` it only drops a pending list left from when it was on: no call, no cost.
 * Returns every event of the call, the redelivered ones first (they are the oldest).
 */
export async function redeliver(
  client: MarketplaceClient,
  strategy: ChangeStrategy,
  state: WatcherState,
  events: ChatEvent[],
  options: ResolvedOptions,
  source: 'poll' | 'push',
  track: boolean,
): Promise<ChatEvent[]> {
  const settings = options.redeliver;
  if (settings === undefined) {
    delete state.pending;
    return events;
  }
  const now = settings.clock.now();
  const pending = state.pending ?? [];
  const due = pending.filter((p) => !(Date.parse(p[4]) > now));
  const done = new Set<PendingDelivery>();
  const again: MessageReceivedEvent[] = [];
  const emitted = new Set(events.map((e) => e.id));
  for (const [chatId, entries] of byChat(due)) {
    const outcomes = await checkChat(client, strategy, chatId, entries);
    let chat: Chat | undefined;
    for (const entry of entries) {
      const outcome = outcomes.get(entry);
      if (outcome === undefined || outcome.kind !== 'unanswered') {
        done.add(entry);
        continue;
      }
      entry[4] = isoAt(now + settings.afterMs);
      // The poll itself found it again (a state cut to its cap): that delivery counts.
      if (emitted.has(entry[0])) continue;
      chat ??= await chatOrGone(client, chatId);
      if (chat === undefined) {
        done.add(entry);
        continue;
      }
      again.push({ ...messageReceived(chat, outcome.message, source), redelivered: true });
      emitted.add(entry[0]);
      entry[5] += 1;
      // Its last delivery: nothing more will happen to it, so it need not be checked again.
      if (entry[5] >= settings.maxAttempts) done.add(entry);
    }
  }
  state.pending = done.size === 0 ? pending : pending.filter((p) => !done.has(p));
  if (track) addPending(state, events, isoAt(now + settings.afterMs));
  compactState(state, strategy.order, options);
  return [...again, ...events];
}

function byChat(entries: PendingDelivery[]): Map<string, PendingDelivery[]> {
  const chats = new Map<string, PendingDelivery[]>();
  for (const entry of entries) {
    const list = chats.get(entry[1]);
    if (list) list.push(entry);
    else chats.set(entry[1], [entry]);
  }
  return chats;
}

/** One history read for every due message of one chat. A chat that no longer exists answers "gone". */
async function checkChat(
  client: MarketplaceClient,
  strategy: ChangeStrategy,
  chatId: string,
  entries: PendingDelivery[],
): Promise<Map<PendingDelivery, PendingOutcome>> {
  const outcomes = new Map<PendingDelivery, PendingOutcome>();
  const oldest = [...entries].sort((a, b) => (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0))[0]!;
  const fromMessage = strategy.tail === 'from-message';
  try {
    const messages = fromMessage
      ? (await client.listMessages(chatId, { afterMessageId: oldest[2] })).items
      : (await client.listMessages(chatId, { limit: TAIL_PAGE })).items;
    for (const entry of entries) {
      const judged = judgePending(entry, messages, fromMessage && entry === oldest);
      outcomes.set(entry, judged.kind === 'fetch' ? await fetchLone(client, entry) : judged);
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    for (const entry of entries) outcomes.set(entry, { kind: 'gone' });
  }
  return outcomes;
}

/** A read from a message on leaves that message out: fetched alone, only when it is to be re-emitted. */
async function fetchLone(client: MarketplaceClient, entry: PendingDelivery): Promise<PendingOutcome> {
  const getMessage = (client as MarketplaceClient & WithGetMessage).getMessage;
  if (typeof getMessage !== 'function') return { kind: 'gone' };
  try {
    return { kind: 'unanswered', message: await getMessage.call(client, entry[1], entry[2]) };
  } catch (error) {
    if (error instanceof NotFoundError) return { kind: 'gone' };
    throw error;
  }
}

async function chatOrGone(client: MarketplaceClient, chatId: string): Promise<Chat | undefined> {
  try {
    return await client.getChat(chatId);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
