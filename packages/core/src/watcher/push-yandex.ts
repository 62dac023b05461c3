import type { MarketplaceClient } from '../marketplaces/client.js';
import {
  parseYandexNotification,
  yandexPushErrorReply,
  yandexPushSuccessReply,
} from '../marketplaces/yandex/push.js';
import type { Message } from '../model/message.js';
import { resolveOptions } from './options.js';
import { startOfSecond } from './position.js';
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
import { acceptLoneMessage } from './track.js';

/** The Yandex client's extra: one message by id (getChatMessage). */
interface WithGetMessage {
  getMessage?: (chatId: string, messageId: string) => Promise<Message>;
}

/**
 * Answers one Yandex Market API notification (POST /notification) and turns it into events.
 *
 * - PING: 200 `{version, name, time}` at once, with no request to Yandex (Market waits 1 s).
 * - CHAT_CREATED, CHAT_MESSAGE_SENT: the chat is fetched (getChat) and read from its last seen
 *   message, exactly as a poll would; for an old chat the state no longer tracks, only the
 *   notified message is fetched (getChatMessage). Then 200 `{version, name, time}`.
 * - Other notifications: 200 with the same body, no events.
 * - A body that is not a notification: 400 `{error:{type:'WRONG_EVENT_FORMAT', message}}`.
 * - A failure while fetching: 500 `{error:{type:'UNKNOWN', message}}` and the state passed in, so
 *   Market sends the notification again and nothing is half-done.
 */
export async function handleYandexPush(
  client: MarketplaceClient,
  state: WatcherState | undefined,
  request: PushRequest,
  options: PushOptions,
): Promise<PushResult> {
  const identity = { name: options.name ?? 'SellerChat', version: options.version ?? '1' };
  const resolved = resolveOptions('yandex', options);
  const parsed = parseYandexNotification(request.body);
  if (!parsed.ok) {
    const reply = yandexPushErrorReply('WRONG_EVENT_FORMAT', parsed.message, 400);
    return { response: jsonResponse(reply.status, reply.body), events: [], state };
  }
  const n = parsed.notification;
  const success = () => {
    const reply = yandexPushSuccessReply(identity, options.clock);
    return jsonResponse(reply.status, reply.body);
  };
  if (n.type !== 'CHAT_CREATED' && n.type !== 'CHAT_MESSAGE_SENT') {
    return { response: success(), events: [], state };
  }
  try {
    const at = n.type === 'CHAT_CREATED' ? n.createdAt : n.sentAt;
    // The notification has milliseconds, the REST API whole seconds: a floor at the exact
    // notification time would lie after the very message it announces, and lose it.
    const working = pushState('yandex', state, resolved, startOfSecond(at) ?? at);
    const t = createTracker(working, 'time', resolved);
    const chat = await client.getChat(n.chatId);
    const outcome = kindAllowed(resolved, chat) ? await followChat(client, t, chat, true) : 'handled';
    if (outcome === 'old-chat' && n.type === 'CHAT_MESSAGE_SENT') {
      const getMessage = (client as MarketplaceClient & WithGetMessage).getMessage;
      if (typeof getMessage === 'function') {
        acceptLoneMessage(t, chat, await getMessage.call(client, n.chatId, n.messageId), 'push');
      }
    }
    const result = finish(t, 'time', success());
    const events = await redeliver(
      client,
      strategyFor('yandex'),
      t.state,
      result.events,
      resolved,
      'push',
      true,
    );
    return { ...result, events };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reply = yandexPushErrorReply(
      'UNKNOWN',
      `SellerChat could not process the notification: ${message}`,
      500,
    );
    return { response: jsonResponse(reply.status, reply.body), events: [], state };
  }
}
