import type { MarketplaceClient } from '../marketplaces/client.js';
import type { ChatEvent } from '../model/events.js';
import { compactState } from './compact.js';
import type { ResolvedOptions } from './options.js';
import { kindAllowed, readMessages } from './read.js';
import type { WatcherState } from './state.js';
import type { ChangeStrategy } from './strategies/index.js';
import { acceptChat, createTracker, isHot, noteListed, planChat, sortedEvents, touchChat } from './track.js';

export interface PollResult {
  /** New events, oldest first (redelivered ones first). Hand them on BEFORE saving `state`, unless `redeliver` is on. */
  events: ChatEvent[];
  /** The next state: plain JSON. Save it only after `events` were handed on; with `redeliver`, before. */
  state: WatcherState;
}

/** The body of every poll, first runs included; `working` is the caller's own copy. */
export async function runPoll(
  client: MarketplaceClient,
  strategy: ChangeStrategy,
  working: WatcherState,
  options: ResolvedOptions,
  since?: string,
): Promise<PollResult> {
  const t = createTracker(working, strategy.order, options, since);
  const listed = new Set<string>();
  const watermarkBefore = working.watermark;
  const listing = strategy.changed(client, working, options);
  for await (const chat of listing.chats) {
    if (listed.has(chat.id)) continue;
    listed.add(chat.id);
    if (!kindAllowed(options, chat)) continue;
    const plan = planChat(t, chat);
    noteListed(t, chat);
    if (!plan.read) {
      if (!options.messages) touchChat(t, chat, 'poll');
      continue;
    }
    const messages = await readMessages(client, chat.id, plan.known ? plan.after : undefined);
    acceptChat(t, chat, plan, messages, 'poll');
  }
  const order = listing.order();
  if (order !== undefined) working.listOrder = order;
  if (strategy.order === 'id' && watermarkBefore !== undefined) working.previousWatermark = watermarkBefore;
  // A tracked chat that is still settling but was not listed (a filtered listing) is read directly.
  if (options.messages && client.capabilities.getChat) {
    for (const [chatId, cursor] of Object.entries(working.chats)) {
      if (listed.has(chatId) || !isHot(t, cursor[1])) continue;
      const messages = await readMessages(client, chatId, cursor[0] || undefined);
      if (messages.length === 0) continue;
      const chat = await client.getChat(chatId);
      if (kindAllowed(options, chat))
        acceptChat(t, chat, { read: true, known: true, after: cursor[0] || undefined }, messages, 'poll');
    }
  }
  // A first run from a date on an id-ordered marketplace read every chat: all of it is covered now.
  if (since !== undefined && working.floor.at === undefined && working.watermark !== undefined) {
    working.floor = { at: working.watermark, edge: {} };
  }
  working.polls += 1;
  compactState(working, strategy.order, options);
  return { events: sortedEvents(t), state: working };
}
