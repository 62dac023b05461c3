import { MarketplaceError, NotFoundError, NotSupportedError, ValidationError } from '../../errors/errors.js';
import { chooseAuthenticate } from '../../http/authentication.js';
import { createHttpClient } from '../../http/pipeline.js';
import type { HttpClient, QueryValue } from '../../http/request.js';
import type { FileUpload } from '../../model/attachment.js';
import type { Chat } from '../../model/chat.js';
import type { Message } from '../../model/message.js';
import type { Page } from '../../model/page.js';
import { parseTime } from '../../time/iso.js';
import { validateAttachments, validateText } from '../../validation/validate.js';
import { accountLimitRules } from '../account-limiter.js';
import type {
  ListChatsOptions,
  ListMessagesOptions,
  MarketplaceClient,
  MarkReadResult,
  SendResult,
  StartChatInput,
} from '../client.js';
import type { ClientOptions } from '../shared/client-options.js';
import { trackClockOffset } from '../shared/clock-offset.js';
import { tooManyPages } from '../shared/page-guard.js';
import { isSameSellerMessage, sendOnce } from '../shared/send-once.js';
import { createStoredenAuthenticate } from './auth.js';
import { storedenCapabilities } from './capabilities.js';
import { checkStoredenCredentials, STOREDEN_BASE_URL, type StoredenCredentials } from './credentials.js';
import { mapStoredenError } from './errors.js';
import { storedenChatId, storedenMessageId } from './ids.js';
import { mapStoredenChat } from './map-chat.js';
import { mapStoredenMessage } from './map-message.js';
import { CHAT_PATH, checkCursor, checkNextPage } from './next-page.js';
import type {
  StoredenChatPage,
  StoredenConversation,
  StoredenMessage,
  StoredenSendResponse,
} from './wire.js';

export type StoredenClientOptions = ClientOptions<StoredenCredentials>;

export type StoredenClient = MarketplaceClient;

const OP = { marketplace: 'storeden' as const };
/** A next_page chain longer than this is a loop, not a conversation (30 messages a page). */
const MAX_PAGES_PER_CALL = 100_000;

interface RawPage {
  messages: StoredenMessage[];
  next?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byLastMessageDesc(a: Chat, b: Chat): number {
  const at = a.lastMessageAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(a.lastMessageAt);
  const bt = b.lastMessageAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(b.lastMessageAt);
  return bt - at;
}

function refuseFilter(field: string, why: string): never {
  throw new ValidationError(`Storeden: ${field} cannot be used: ${why}`, { ...OP, field, limit: 'not set' });
}

export function createStoredenClient(options: StoredenClientOptions): StoredenClient {
  const credentials = checkStoredenCredentials(options.credentials);
  const { runtime } = options;
  const caps = storedenCapabilities;
  const tracked = trackClockOffset(
    createHttpClient({
      marketplace: 'storeden',
      baseUrl: options.baseUrl ?? STOREDEN_BASE_URL,
      transport: options.transport,
      runtime,
      authenticate: chooseAuthenticate('storeden', options.authentication, () =>
        createStoredenAuthenticate(credentials),
      ),
      mapError: mapStoredenError,
      secrets: [credentials.key, credentials.exchange],
      limits: accountLimitRules('storeden', options.limits),
      limiter: options.limiter,
      rateLimitStatuses: [509],
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    }),
    runtime.clock,
  );
  const http: HttpClient = tracked.http;

  async function conversations(operation: string, extra?: Record<string, unknown>): Promise<Chat[]> {
    const result = await http.request<unknown>({
      operation,
      method: 'GET',
      path: '/messages/chat_list.json',
      query: extra as Record<string, QueryValue> | undefined,
    });
    if (!Array.isArray(result.data)) {
      throw new MarketplaceError(`Storeden ${operation}: chat_list.json did not answer a list`, {
        ...OP,
        operation,
      });
    }
    return (result.data as StoredenConversation[]).map(mapStoredenChat).sort(byLastMessageDesc);
  }

  async function listChats(o: ListChatsOptions = {}): Promise<Page<Chat>> {
    if (o.cursor !== undefined && o.cursor !== '')
      refuseFilter('cursor', 'the conversation list has one page only');
    if (o.orderId !== undefined) refuseFilter('orderId', 'Storeden conversations are not tied to orders');
    if (o.statuses !== undefined && o.statuses.length > 0)
      refuseFilter('statuses', 'Storeden conversations have no status');
    let from: number | undefined;
    if (o.lastMessageFrom !== undefined) {
      from = parseTime(o.lastMessageFrom);
      if (from === undefined) {
        throw new ValidationError(
          `Storeden: lastMessageFrom is not a date (got ${JSON.stringify(o.lastMessageFrom)})`,
          {
            ...OP,
            field: 'lastMessageFrom',
            limit: 'an ISO 8601 date-time',
          },
        );
      }
    }
    // unreadOnly cannot narrow anything here: the list does not say what is unread (see the docs).
    let items = await conversations('listChats', o.extra);
    // Storeden cannot filter: the list is filtered here, so callers still get only what moved.
    if (from !== undefined) {
      const since = from;
      items = items.filter((c) => c.lastMessageAt !== undefined && Date.parse(c.lastMessageAt) >= since);
    }
    return { items };
  }

  async function* iterateChats(o: Omit<ListChatsOptions, 'cursor'> = {}): AsyncIterable<Chat> {
    yield* (await listChats(o)).items;
  }

  // Storeden has no single-conversation endpoint: the chat is looked up in the list.
  async function getChat(chatId: string): Promise<Chat> {
    const id = storedenChatId(chatId);
    const chat = (await conversations('getChat')).find((c) => c.id === id);
    if (!chat) {
      throw new NotFoundError(`Storeden getChat: no conversation with user ${id}`, {
        ...OP,
        operation: 'getChat',
      });
    }
    return chat;
  }

  async function fetchPage(operation: string, chatId: string, url: string | undefined): Promise<RawPage> {
    const result = await http.request<StoredenChatPage>(
      url === undefined
        ? { operation, method: 'GET', path: CHAT_PATH, query: [['with_id', chatId]] }
        : { operation, method: 'GET', path: CHAT_PATH, absoluteUrl: url },
    );
    const body = result.data as unknown;
    if (!isRecord(body) || !Array.isArray(body.messages)) {
      throw new MarketplaceError(`Storeden ${operation}: chat.json did not answer { messages }`, {
        ...OP,
        operation,
      });
    }
    const next = typeof body.next_page === 'string' && body.next_page !== '' ? body.next_page : undefined;
    const messages = body.messages as StoredenMessage[];
    // A page with no messages ends the history whatever next_page says.
    if (next === undefined || messages.length === 0) return { messages };
    // Checked before it is ever used: nothing is sent to a next_page off the configured base.
    return { messages, next: checkNextPage(next, http.baseUrl, chatId) };
  }

  /** Pages from the newest back, until `stop` says so or the history ends. */
  async function readBack(
    operation: string,
    chatId: string,
    stop: (message: StoredenMessage) => boolean,
  ): Promise<StoredenMessage[]> {
    const newestFirst: StoredenMessage[] = [];
    const visited = new Set<string>();
    const ids = new Set<string>();
    let url: string | undefined;
    for (let n = 0; n < MAX_PAGES_PER_CALL; n++) {
      const page = await fetchPage(operation, chatId, url);
      for (const message of page.messages) {
        if (stop(message)) return newestFirst;
        // A message written while we page shifts the pages by one: the same message can show twice.
        const id = String(message.message_id);
        if (ids.has(id)) continue;
        ids.add(id);
        newestFirst.push(message);
      }
      if (page.next === undefined) return newestFirst;
      if (visited.has(page.next)) {
        throw new MarketplaceError(`Storeden ${operation}: next_page repeats a page already read`, {
          ...OP,
          operation,
        });
      }
      visited.add(page.next);
      url = page.next;
    }
    throw tooManyPages('storeden', operation, MAX_PAGES_PER_CALL);
  }

  const toMessages = (raw: StoredenMessage[], chatId: string) =>
    raw.map((m) => mapStoredenMessage(m, chatId)).reverse();

  async function listMessages(chatId: string, o: ListMessagesOptions = {}): Promise<Page<Message>> {
    const id = storedenChatId(chatId);
    if (o.afterMessageId !== undefined) {
      const after = storedenMessageId('afterMessageId', o.afterMessageId);
      // Newest first: read back only until the known message, so a poll costs what changed.
      const newer = await readBack('listMessages', id, (m) => String(m.message_id) === after);
      return { items: toMessages(newer, id) };
    }
    const url =
      o.cursor === undefined || o.cursor === '' ? undefined : checkCursor(o.cursor, http.baseUrl, id);
    const page = await fetchPage('listMessages', id, url);
    // Each page is oldest first; `next` goes further back in time.
    const result: Page<Message> = { items: toMessages(page.messages, id) };
    if (page.next !== undefined) result.next = page.next;
    return result;
  }

  async function* iterateMessages(
    chatId: string,
    o: Omit<ListMessagesOptions, 'cursor'> = {},
  ): AsyncIterable<Message> {
    if (o.afterMessageId !== undefined) {
      yield* (await listMessages(chatId, o)).items;
      return;
    }
    const id = storedenChatId(chatId);
    yield* toMessages(await readBack('listMessages', id, () => false), id);
  }

  async function sendText(
    chatId: string,
    text: string,
    o: { attachments?: FileUpload[] } = {},
  ): Promise<SendResult> {
    const id = storedenChatId(chatId);
    const message = validateText(caps, text);
    if (o.attachments !== undefined && o.attachments.length > 0) validateAttachments(caps, o.attachments);
    const outcome = await sendOnce({
      ...OP,
      operation: 'sendText',
      runtime,
      clockOffsetMs: tracked.offsetMs,
      send: () =>
        http.request<StoredenSendResponse>({
          operation: 'sendText',
          method: 'POST',
          path: CHAT_PATH,
          body: { form: { with_id: id, message } },
        }),
      findDelivered: async (sentAfterIso) => {
        const page = await fetchPage('sendText', id, undefined);
        return toMessages(page.messages, id)
          .reverse()
          .find((m) => isSameSellerMessage(m, { text: message }, sentAfterIso));
      },
    });
    if ('delivered' in outcome) return { messageId: outcome.delivered.id, message: outcome.delivered };
    const data = outcome.data as unknown;
    const messageId = isRecord(data) && data.message_id !== undefined ? String(data.message_id) : undefined;
    if (messageId === undefined) {
      throw new MarketplaceError(
        'Storeden sendText: the answer has no message_id; the message may have been sent',
        {
          ...OP,
          operation: 'sendText',
        },
      );
    }
    return { messageId };
  }

  // The descriptor says sendFile 'none', markRead 'none' and startChat 'none' for the same reasons.
  function unsupported(operation: string, why: string): never {
    throw new NotSupportedError(`Storeden ${operation} is not supported: ${why}`, { ...OP, operation });
  }

  async function sendFile(_chatId: string, _file: FileUpload, _o?: { text?: string }): Promise<SendResult> {
    unsupported('sendFile', 'Storeden chats carry text only');
  }

  async function markRead(_chatId: string, _upToMessageId?: string): Promise<MarkReadResult> {
    unsupported('markRead', 'the Messages API has no call to mark messages read');
  }

  async function startChat(_input: StartChatInput): Promise<Chat> {
    unsupported('startChat', 'buyers start conversations; a shop can only answer users who wrote first');
  }

  return {
    marketplace: 'storeden',
    capabilities: caps,
    listChats,
    iterateChats,
    getChat,
    listMessages,
    iterateMessages,
    sendText,
    sendFile,
    markRead,
    startChat,
  };
}
