import type { MarketplaceClient } from '../marketplaces/client.js';
import {
  ozonPushErrorReply,
  ozonPushSuccessReply,
  parseOzonNotification,
} from '../marketplaces/ozon/push.js';
import type { Chat } from '../model/chat.js';
import { resolveOptions } from './options.js';
import {
  createTracker,
  finish,
  followChat,
  jsonResponse,
  type PushOptions,
  type PushRequest,
  type PushResult,
  pushState,
} from './push-common.js';
import { kindAllowed } from './read.js';
import { redeliver } from './redeliver.js';
import type { WatcherState } from './state.js';
import { strategyFor } from './strategies/index.js';

function decrement(id: string): string {
  return (BigInt(id) - 1n).toString();
}

/**
 * Answers one Ozon push notification and turns it into events.
 *
 * - TYPE_PING: 200 `{version, name, time}` at once, with no request to Ozon.
 * - TYPE_NEW_MESSAGE: the chat's history is read from its last seen message (from its start when
 *   the chat is new to the watcher), exactly as a poll would, so the events carry the full model
 *   and a poll never emits them again. The chat in the events is built from the notification
 *   (Ozon has no single-chat call; its status is 'other'). Then 200 `{"result": true}`.
 * - Other notifications: 200 `{"result": true}`, no events.
 * - A body that is not a notification: 400 `{"error":{"code":"ERROR_PARAMETER_VALUE_MISSED", ...}}`.
 * - A failure while fetching: 500 `{"error":{"code":"ERROR_UNKNOWN", ...}}` and the state passed
 *   in, so Ozon sends the notification again.
 */
export async function handleOzonPush(
  client: MarketplaceClient,
  state: WatcherState | undefined,
  request: PushRequest,
  options: PushOptions,
): Promise<PushResult> {
  const identity = { name: options.name ?? 'SellerChat', version: options.version ?? '1' };
  const resolved = resolveOptions('ozon', options);
  const parsed = parseOzonNotification(request.body);
  if (!parsed.ok) {
    const reply = ozonPushErrorReply('ERROR_PARAMETER_VALUE_MISSED', parsed.message, 400);
    return { response: jsonResponse(reply.status, reply.body), events: [], state };
  }
  const n = parsed.notification;
  const reply = ozonPushSuccessReply(n, identity, options.clock);
  const success = jsonResponse(reply.status, reply.body);
  if (n.type !== 'TYPE_NEW_MESSAGE') return { response: success, events: [], state };
  try {
    const working = pushState('ozon', state, resolved, decrement(n.messageId));
    const t = createTracker(working, 'id', resolved);
    const chat: Chat = {
      marketplace: 'ozon',
      id: n.chatId,
      kind: n.kind,
      status: 'other',
      context: n.message.context?.orderNumber ? { orderNumber: n.message.context.orderNumber } : {},
      lastMessageId: n.messageId,
      lastMessageAt: n.createdAt,
      raw: n.raw,
    };
    if (kindAllowed(resolved, chat)) await followChat(client, t, chat, false);
    const result = finish(t, 'id', success);
    const events = await redeliver(
      client,
      strategyFor('ozon'),
      t.state,
      result.events,
      resolved,
      'push',
      true,
    );
    return { ...result, events };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failure = ozonPushErrorReply(
      'ERROR_UNKNOWN',
      `SellerChat could not process the notification: ${message}`,
      500,
    );
    return { response: jsonResponse(failure.status, failure.body), events: [], state };
  }
}
