import { MarketplaceError, NotSupportedError, ValidationError } from '../../errors/errors.js';
import { chooseAuthenticate } from '../../http/authentication.js';
import { pathFor } from '../../http/path.js';
import { createHttpClient } from '../../http/pipeline.js';
import type { HttpClient } from '../../http/request.js';
import { jsonNumber } from '../../json/lossless.js';
import type { FileUpload } from '../../model/attachment.js';
import type { Chat } from '../../model/chat.js';
import type { Message } from '../../model/message.js';
import type { Page } from '../../model/page.js';
import { assertSupported, validateAttachments, validateText } from '../../validation/validate.js';
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
import { downloadFile } from '../shared/download.js';
import { tooManyPages } from '../shared/page-guard.js';
import { isSameSellerMessage, sendOnce } from '../shared/send-once.js';
import { yandexAuthenticate } from './auth.js';
import { yandexCapabilities } from './capabilities.js';
import { YANDEX_BASE_URLS, type YandexCredentials } from './credentials.js';
import { yandexMapError } from './errors.js';
import { yandexId } from './ids.js';
import { mapYandexChat, YANDEX_STATUSES_OF } from './map-chat.js';
import { mapYandexMessage } from './map-message.js';
import { arrayOf, objectOf, stringOf } from './raw.js';

export type YandexClientOptions = ClientOptions<YandexCredentials>;

export interface YandexClient extends MarketplaceClient {
  /** getChatMessage: one message by id (what a CHAT_MESSAGE_SENT notification points at). */
  getMessage(chatId: string, messageId: string): Promise<Message>;
  /** Bytes of a received attachment: with the API credentials only when the URL is below the base URL. */
  downloadAttachment(attachment: { url?: string; ref?: string }): Promise<Uint8Array>;
}

const CHATS_MAX = yandexCapabilities.paging.chatsMax ?? 20;
const MESSAGES_MAX = yandexCapabilities.paging.messagesMax ?? 100;
/**
 * A cursor that comes back again would loop forever: past this many pages in one call, fail
 * loudly. Yandex pages hold 20 chats, so the guard sits far above any real account (2,000,000
 * chats): a lower one silently cut the 100,000-chat benchmark's listings at 20,000.
 */
const MAX_PAGES_PER_CALL = 100_000;

function clampLimit(value: number | undefined, max: number, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError(`Yandex Market: ${field} must be a number`, {
      marketplace: 'yandex',
      field,
      limit: `1–${max}`,
    });
  }
  return Math.min(max, Math.max(1, Math.floor(value)));
}

interface EnvelopeResult {
  result: Record<string, unknown>;
}

export function createYandexClient(options: YandexClientOptions): YandexClient {
  const apiKey = options.credentials?.apiKey;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new ValidationError('Yandex Market: credentials.apiKey is required', {
      marketplace: 'yandex',
      field: 'credentials.apiKey',
      limit: 'a non-empty Api-Key token',
    });
  }
  const businessId = yandexId('credentials.businessId', options.credentials.businessId);
  const { runtime, transport } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const caps = yandexCapabilities;
  const path = pathFor('yandex');
  const tracked = trackClockOffset(
    createHttpClient({
      marketplace: 'yandex',
      baseUrl: options.baseUrl ?? YANDEX_BASE_URLS.production,
      transport,
      runtime,
      authenticate: chooseAuthenticate('yandex', options.authentication, () => yandexAuthenticate(apiKey)),
      mapError: yandexMapError,
      secrets: [apiKey],
      limits: accountLimitRules('yandex', options.limits),
      limiter: options.limiter,
      rateLimitStatuses: [420],
      retry: options.retry,
      timeoutMs,
      logger: options.logger,
    }),
    runtime.clock,
  );
  const http: HttpClient = tracked.http;
  const business = (tail: string) => path`/v2/businesses/${{ businessId }}` + tail;

  async function call(
    operation: string,
    method: 'GET' | 'POST',
    tail: string,
    query: Record<string, string | number | undefined>,
    body?: unknown,
    idempotent?: boolean,
  ): Promise<Record<string, unknown>> {
    const response = await http.request<EnvelopeResult>({
      operation,
      method,
      path: business(tail),
      query,
      body: body === undefined ? undefined : { json: body },
      idempotent: idempotent ?? method === 'GET',
    });
    const data = objectOf(response.data, `${operation} response`);
    if (data.status !== undefined && data.status !== 'OK') {
      throw new MarketplaceError(`Yandex Market ${operation}: status ${String(data.status)}`, {
        marketplace: 'yandex',
        operation,
        status: response.status,
      });
    }
    return data;
  }

  function chatsBody(o: ListChatsOptions): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    let statuses = o.statuses;
    if (o.unreadOnly) {
      // Yandex has no unread flag; "store response needed" is its nearest filter.
      if (statuses !== undefined && !statuses.includes('waiting_for_seller')) {
        throw new ValidationError(
          'Yandex Market: unreadOnly means status waiting_for_seller here and cannot be combined with statuses that leave it out',
          { marketplace: 'yandex', field: 'unreadOnly', limit: 'statuses including waiting_for_seller' },
        );
      }
      statuses = ['waiting_for_seller'];
    }
    if (statuses !== undefined && statuses.length > 0) {
      body.statuses = [...new Set(statuses.flatMap((s) => YANDEX_STATUSES_OF[s] ?? []))];
    }
    if (o.orderId !== undefined) {
      body.contexts = [{ type: 'ORDER', id: jsonNumber(yandexId('orderId', o.orderId)) }];
    }
    return { ...body, ...o.extra };
  }

  async function listChats(o: ListChatsOptions = {}): Promise<Page<Chat>> {
    const body = chatsBody(o);
    const limit = clampLimit(o.limit, CHATS_MAX, 'limit');
    const from = o.lastMessageFrom === undefined ? undefined : Date.parse(o.lastMessageFrom);
    if (from !== undefined && Number.isNaN(from)) {
      throw new ValidationError('Yandex Market: lastMessageFrom must be an ISO 8601 time', {
        marketplace: 'yandex',
        field: 'lastMessageFrom',
        limit: 'ISO 8601',
      });
    }
    const data = await call('listChats', 'POST', '/chats', { page_token: o.cursor, limit }, body, true);
    const result = objectOf(data.result, 'listChats result');
    let items = arrayOf(result.chats, 'result.chats').map(mapYandexChat);
    // Yandex cannot filter by time: the page is filtered here (updatedAt is the last message's time).
    if (from !== undefined)
      items = items.filter((c) => c.lastMessageAt !== undefined && Date.parse(c.lastMessageAt) >= from);
    const next = nextToken(result);
    return next === undefined ? { items } : { items, next };
  }

  async function* iterateChats(o: Omit<ListChatsOptions, 'cursor'> = {}): AsyncIterable<Chat> {
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (let page = 0; page < MAX_PAGES_PER_CALL; page++) {
      const result = await listChats({ ...o, cursor, limit: o.limit ?? CHATS_MAX });
      yield* result.items;
      if (result.next === undefined || seen.has(result.next)) return;
      seen.add(result.next);
      cursor = result.next;
    }
    throw tooManyPages('yandex', 'listChats', MAX_PAGES_PER_CALL);
  }

  async function getChat(chatId: string): Promise<Chat> {
    const id = yandexId('chatId', chatId);
    const data = await call('getChat', 'GET', '/chat', { chatId: id });
    return mapYandexChat(data.result);
  }

  async function historyPage(
    operation: string,
    chatId: string,
    from: string | undefined,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<Message>> {
    const body = from === undefined ? {} : { messageIdFrom: jsonNumber(from) };
    const data = await call(
      operation,
      'POST',
      '/chats/history',
      { chatId, page_token: cursor, limit },
      body,
      true,
    );
    const result = objectOf(data.result, `${operation} result`);
    const items = arrayOf(result.messages, 'result.messages').map((m) =>
      mapYandexMessage(m, chatId, result.context),
    );
    const next = nextToken(result);
    return next === undefined ? { items } : { items, next };
  }

  async function listMessages(chatId: string, o: ListMessagesOptions = {}): Promise<Page<Message>> {
    const id = yandexId('chatId', chatId);
    const limit = clampLimit(o.limit, MESSAGES_MAX, 'limit');
    if (o.afterMessageId === undefined) return historyPage('listMessages', id, undefined, o.cursor, limit);
    const after = yandexId('afterMessageId', o.afterMessageId);
    // messageIdFrom returns that message and everything after it, over as many pages as it takes.
    const items: Message[] = [];
    let cursor = o.cursor;
    const seen = new Set<string>();
    for (let page = 0; page < MAX_PAGES_PER_CALL; page++) {
      const result = await historyPage('listMessages', id, after, cursor, limit ?? MESSAGES_MAX);
      items.push(...result.items.filter((m) => m.id !== after));
      if (result.next === undefined || seen.has(result.next)) return { items };
      seen.add(result.next);
      cursor = result.next;
    }
    throw tooManyPages('yandex', 'listMessages', MAX_PAGES_PER_CALL);
  }

  async function* iterateMessages(
    chatId: string,
    o: Omit<ListMessagesOptions, 'cursor'> = {},
  ): AsyncIterable<Message> {
    if (o.afterMessageId !== undefined) {
      yield* (await listMessages(chatId, o)).items;
      return;
    }
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (let page = 0; page < MAX_PAGES_PER_CALL; page++) {
      const result = await listMessages(chatId, { ...o, cursor, limit: o.limit ?? MESSAGES_MAX });
      yield* result.items;
      if (result.next === undefined || seen.has(result.next)) return;
      seen.add(result.next);
      cursor = result.next;
    }
    throw tooManyPages('yandex', 'listMessages', MAX_PAGES_PER_CALL);
  }

  /** After an ambiguous send: is our message in the chat? Reads the history until it is found. */
  async function findSeller(
    chatId: string,
    sentAfterIso: string,
    matches: (m: Message) => boolean,
  ): Promise<Message | undefined> {
    for await (const message of iterateMessages(chatId)) {
      if (
        message.sender === 'seller' &&
        Date.parse(message.createdAt) >= Date.parse(sentAfterIso) &&
        matches(message)
      ) {
        return message;
      }
    }
    return undefined;
  }

  function delivered(result: unknown): SendResult {
    if (typeof result === 'object' && result !== null && 'delivered' in result) {
      const message = (result as { delivered: Message }).delivered;
      return { messageId: message.id, message };
    }
    return {};
  }

  async function sendText(
    chatId: string,
    text: string,
    o: { attachments?: FileUpload[] } = {},
  ): Promise<SendResult> {
    const id = yandexId('chatId', chatId);
    validateText(caps, text);
    if (o.attachments !== undefined && o.attachments.length > 0) {
      throw new NotSupportedError(
        'Yandex Market cannot send files with a text; send each file with sendFile',
        {
          marketplace: 'yandex',
          operation: 'sendText',
        },
      );
    }
    const result = await sendOnce({
      marketplace: 'yandex',
      operation: 'sendText',
      runtime,
      clockOffsetMs: tracked.offsetMs,
      send: () => call('sendText', 'POST', '/chats/message', { chatId: id }, { message: text }),
      findDelivered: (from) => findSeller(id, from, (m) => isSameSellerMessage(m, { text }, from)),
    });
    return delivered(result);
  }

  async function sendFile(chatId: string, file: FileUpload, o: { text?: string } = {}): Promise<SendResult> {
    const id = yandexId('chatId', chatId);
    if (o.text !== undefined && o.text !== '') {
      throw new NotSupportedError(
        'Yandex Market cannot send a text with a file; send the text with sendText',
        {
          marketplace: 'yandex',
          operation: 'sendFile',
        },
      );
    }
    const [checked] = validateAttachments(caps, [file]);
    const upload = checked ?? file;
    const part = {
      name: 'file',
      filename: upload.name,
      contentType: upload.mimeType ?? 'application/octet-stream',
      data: upload.data,
    };
    const result = await sendOnce({
      marketplace: 'yandex',
      operation: 'sendFile',
      runtime,
      clockOffsetMs: tracked.offsetMs,
      send: () =>
        http.request({
          operation: 'sendFile',
          method: 'POST',
          path: business('/chats/file/send'),
          query: { chatId: id },
          body: { multipart: [part] },
        }),
      findDelivered: (from) => findSeller(id, from, (m) => m.attachments.some((a) => a.name === file.name)),
    });
    return delivered(result);
  }

  async function markRead(_chatId: string, _upTo?: string): Promise<MarkReadResult> {
    assertSupported(caps, 'markRead');
    throw new NotSupportedError('Yandex Market has no read receipts: chats cannot be marked as read', {
      marketplace: 'yandex',
      operation: 'markRead',
    });
  }

  async function startChat(input: StartChatInput): Promise<Chat> {
    const given = (['orderId', 'returnId', 'postingNumber', 'categoryId', 'subject'] as const).filter(
      (k) => input?.[k] !== undefined,
    );
    if (given.length !== 1 || (given[0] !== 'orderId' && given[0] !== 'returnId')) {
      throw new ValidationError('Yandex Market: startChat needs exactly one of orderId or returnId', {
        marketplace: 'yandex',
        field: given.length === 0 ? 'orderId' : given.join(', '),
        limit: 'exactly one of orderId, returnId',
      });
    }
    const field = given[0];
    const contextId = yandexId(field, input[field]);
    const type = field === 'orderId' ? 'ORDER' : 'RETURN';
    // Idempotent by Yandex's own rule: the same context returns the chat that already exists.
    const data = await call(
      'startChat',
      'POST',
      '/chats/new',
      {},
      { context: { type, id: jsonNumber(contextId) } },
      true,
    );
    const chatId = objectOf(data.result, 'startChat result').chatId;
    if (chatId === undefined || chatId === null) {
      throw new MarketplaceError('Yandex Market startChat: result.chatId is missing', {
        marketplace: 'yandex',
        operation: 'startChat',
      });
    }
    return getChat(String(chatId));
  }

  async function getMessage(chatId: string, messageId: string): Promise<Message> {
    const id = yandexId('chatId', chatId);
    const mid = yandexId('messageId', messageId);
    const data = await call('getMessage', 'GET', '/chats/message', { chatId: id, messageId: mid });
    return mapYandexMessage(data.result, id);
  }

  async function downloadAttachment(attachment: { url?: string; ref?: string }): Promise<Uint8Array> {
    return downloadFile({
      marketplace: 'yandex',
      http,
      transport,
      url: attachment.url ?? attachment.ref,
      timeoutMs,
    });
  }

  return {
    marketplace: 'yandex',
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
    getMessage,
    downloadAttachment,
  };
}

function nextToken(result: Record<string, unknown>): string | undefined {
  const paging = result.paging;
  if (typeof paging !== 'object' || paging === null) return undefined;
  const token = stringOf((paging as Record<string, unknown>).nextPageToken);
  return token === undefined || token === '' ? undefined : token;
}
