import { MarketplaceError, NotFoundError, NotSupportedError, ValidationError } from '../../errors/errors.js';
import { chooseAuthenticate } from '../../http/authentication.js';
import { createHttpClient } from '../../http/pipeline.js';
import type { HttpClient } from '../../http/request.js';
import type { FileUpload } from '../../model/attachment.js';
import type { Chat, ChatStatus } from '../../model/chat.js';
import type { Message } from '../../model/message.js';
import type { Page } from '../../model/page.js';
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
import { toBase64 } from '../shared/base64.js';
import type { ClientOptions } from '../shared/client-options.js';
import { trackClockOffset } from '../shared/clock-offset.js';
import { downloadFile } from '../shared/download.js';
import { tooManyPages } from '../shared/page-guard.js';
import { sendOnce } from '../shared/send-once.js';
import { ozonAuthenticate } from './auth.js';
import { ozonCapabilities } from './capabilities.js';
import { OZON_BASE_URLS, type OzonCredentials } from './credentials.js';
import { ozonMapError } from './errors.js';
import { ozonChatId, ozonMessageId } from './ids.js';
import { mapOzonChat } from './map-chat.js';
import { mapOzonMessage, ozonRawText } from './map-message.js';
import { arrayOf, boolOf, countOf, objectOf, stringOf } from './raw.js';

export type OzonClientOptions = ClientOptions<OzonCredentials>;

export interface OzonClient extends MarketplaceClient {
  /** total_unread_count of /v3/chat/list: unread messages across all chats. */
  getTotalUnreadCount(): Promise<number>;
  /** Bytes of a received attachment: with the API credentials only when the URL is below the base URL. */
  downloadAttachment(attachment: { url?: string; ref?: string }): Promise<Uint8Array>;
}

const CHATS_MAX = ozonCapabilities.paging.chatsMax ?? 1000;
const CHATS_DEFAULT = ozonCapabilities.paging.chatsDefault ?? 30;
const MESSAGES_MAX = ozonCapabilities.paging.messagesMax ?? 1000;
const MESSAGES_DEFAULT = ozonCapabilities.paging.messagesDefault ?? 50;
/** A cursor that comes back again would loop forever: past this many pages in one call, fail. */
const MAX_PAGES_PER_CALL = 10_000;

function clampLimit(value: number | undefined, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError('Ozon: limit must be a number', {
      marketplace: 'ozon',
      field: 'limit',
      limit: `1–${max}`,
    });
  }
  return Math.min(max, Math.max(1, Math.floor(value)));
}

/** Our message cursors: where the next page starts, and in which direction. */
type HistoryCursor = { direction: 'Forward' | 'Backward'; from: string };

function encodeCursor(c: HistoryCursor): string {
  return `${c.direction === 'Forward' ? 'after' : 'before'}:${c.from}`;
}

function decodeCursor(cursor: string): HistoryCursor {
  const m = /^(after|before):(\d+)$/.exec(cursor);
  if (!m) {
    throw new ValidationError('Ozon: cursor is not one this client returned', {
      marketplace: 'ozon',
      field: 'cursor',
      limit: 'a `next` value from listMessages',
    });
  }
  return { direction: m[1] === 'after' ? 'Forward' : 'Backward', from: m[2]! };
}

/** Which chat_status and unread_only to ask Ozon for, given our statuses; the page is then filtered exactly. */
function statusFilter(statuses: ChatStatus[] | undefined): { chat_status?: string; unread_only?: boolean } {
  if (statuses === undefined || statuses.length === 0) return {};
  const wanted = new Set(statuses);
  if ([...wanted].every((s) => s === 'closed')) return { chat_status: 'Closed' };
  if (wanted.has('closed')) return { chat_status: 'All' };
  if ([...wanted].every((s) => s === 'waiting_for_seller'))
    return { chat_status: 'Opened', unread_only: true };
  return { chat_status: 'Opened' };
}

export function createOzonClient(options: OzonClientOptions): OzonClient {
  for (const field of ['clientId', 'apiKey'] as const) {
    const value = options.credentials?.[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ValidationError(`Ozon: credentials.${field} is required`, {
        marketplace: 'ozon',
        field: `credentials.${field}`,
        limit: 'a non-empty string',
      });
    }
  }
  const { clientId, apiKey } = options.credentials;
  const { runtime, transport } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const caps = ozonCapabilities;
  const tracked = trackClockOffset(
    createHttpClient({
      marketplace: 'ozon',
      baseUrl: options.baseUrl ?? OZON_BASE_URLS.production,
      transport,
      runtime,
      authenticate: chooseAuthenticate('ozon', options.authentication, () =>
        ozonAuthenticate(clientId, apiKey),
      ),
      mapError: ozonMapError,
      secrets: [clientId, apiKey],
      limits: accountLimitRules('ozon', options.limits),
      limiter: options.limiter,
      retry: options.retry,
      timeoutMs,
      logger: options.logger,
    }),
    runtime.clock,
  );
  const http: HttpClient = tracked.http;

  async function post(
    operation: string,
    path: string,
    body: unknown,
    idempotent: boolean,
  ): Promise<Record<string, unknown>> {
    const response = await http.request({
      operation,
      method: 'POST',
      path,
      body: { json: body },
      idempotent,
    });
    return objectOf(response.data, `${operation} response`);
  }

  async function chatListPage(operation: string, body: Record<string, unknown>) {
    const data = await post(operation, '/v3/chat/list', body, true);
    const chats = arrayOf(data.chats, 'chats').map(mapOzonChat);
    const cursor = stringOf(data.cursor);
    // has_next is a boolean in the schema and the string "true" in the docs' example.
    const next = boolOf(data.has_next) && cursor !== undefined && cursor !== '' ? cursor : undefined;
    return { chats, next, totalUnread: countOf(data.total_unread_count) };
  }

  async function listChats(o: ListChatsOptions = {}): Promise<Page<Chat>> {
    if (o.orderId !== undefined) {
      throw new NotSupportedError('Ozon cannot list chats by order: its chat list has no order filter', {
        marketplace: 'ozon',
        operation: 'listChats',
      });
    }
    const filter: Record<string, unknown> = statusFilter(o.statuses);
    if (o.unreadOnly) filter.unread_only = true;
    const body: Record<string, unknown> = { limit: clampLimit(o.limit, CHATS_MAX, CHATS_DEFAULT) };
    const merged = { ...filter, ...o.extra };
    if (Object.keys(merged).length > 0) body.filter = merged;
    if (o.cursor !== undefined) body.cursor = o.cursor;
    const page = await chatListPage('listChats', body);
    const wanted = o.statuses && o.statuses.length > 0 ? new Set(o.statuses) : undefined;
    // The list carries no times, so lastMessageFrom cannot narrow it: every chat is returned (a superset).
    const items = wanted ? page.chats.filter((c) => wanted.has(c.status)) : page.chats;
    return page.next === undefined ? { items } : { items, next: page.next };
  }

  async function* iterateChats(o: Omit<ListChatsOptions, 'cursor'> = {}): AsyncIterable<Chat> {
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (let i = 0; i < MAX_PAGES_PER_CALL; i++) {
      const page = await listChats({ ...o, cursor, limit: o.limit ?? CHATS_MAX });
      yield* page.items;
      if (page.next === undefined || seen.has(page.next)) return;
      seen.add(page.next);
      cursor = page.next;
    }
    throw tooManyPages('ozon', 'listChats', MAX_PAGES_PER_CALL);
  }

  /** Ozon has no get-chat method: the chat is looked up in /v3/chat/list, 1000 chats per request. */
  async function getChat(chatId: string): Promise<Chat> {
    const id = ozonChatId('chatId', chatId);
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (let i = 0; ; i++) {
      if (i === MAX_PAGES_PER_CALL) throw tooManyPages('ozon', 'getChat', MAX_PAGES_PER_CALL);
      const body: Record<string, unknown> = { limit: CHATS_MAX, filter: { chat_status: 'All' } };
      if (cursor !== undefined) body.cursor = cursor;
      const page = await chatListPage('getChat', body);
      const found = page.chats.find((c) => c.id === id);
      if (found) return found;
      if (page.next === undefined || seen.has(page.next)) break;
      seen.add(page.next);
      cursor = page.next;
    }
    throw new NotFoundError(`Ozon getChat: no chat ${JSON.stringify(id)} in the chat list`, {
      marketplace: 'ozon',
      operation: 'getChat',
    });
  }

  async function historyPage(
    operation: string,
    chatId: string,
    cursor: HistoryCursor | undefined,
    limit: number,
  ) {
    const body: Record<string, unknown> = {
      chat_id: chatId,
      direction: cursor?.direction ?? 'Backward',
      limit,
    };
    // The exact digits as a JSON string: grpc-gateway reads uint64 from strings, and a JS number would round them.
    if (cursor !== undefined) body.from_message_id = cursor.from;
    const data = await post(operation, '/v3/chat/history', body, true);
    const raw = arrayOf(data.messages, 'messages').map((m) => mapOzonMessage(m, chatId));
    // from_message_id is where the page starts, itself included: drop it.
    const items = cursor === undefined ? raw : raw.filter((m) => m.id !== cursor.from);
    return { items, hasNext: boolOf(data.has_next) };
  }

  async function listMessages(chatId: string, o: ListMessagesOptions = {}): Promise<Page<Message>> {
    const id = ozonChatId('chatId', chatId);
    const limit = clampLimit(o.limit, MESSAGES_MAX, MESSAGES_DEFAULT);
    const after =
      o.afterMessageId === undefined ? undefined : ozonMessageId('afterMessageId', o.afterMessageId);
    const cursor = o.cursor === undefined ? undefined : decodeCursor(o.cursor);
    if (after !== undefined && cursor === undefined) {
      // Everything after the known message, oldest first, over as many pages as it takes.
      const items: Message[] = [];
      let from = after;
      for (let i = 0; i < MAX_PAGES_PER_CALL; i++) {
        const page = await historyPage('listMessages', id, { direction: 'Forward', from }, limit);
        items.push(...page.items);
        const last = page.items.at(-1);
        if (!page.hasNext || last === undefined) return { items };
        from = last.id;
      }
      throw tooManyPages('ozon', 'listMessages', MAX_PAGES_PER_CALL);
    }
    const page = await historyPage('listMessages', id, cursor, limit);
    if (cursor?.direction === 'Forward') {
      const last = page.items.at(-1);
      return page.hasNext && last
        ? { items: page.items, next: encodeCursor({ direction: 'Forward', from: last.id }) }
        : { items: page.items };
    }
    // Backward pages come newest first: hand them out oldest first; the next page is older still.
    const items = [...page.items].reverse();
    const oldest = items[0];
    return page.hasNext && oldest
      ? { items, next: encodeCursor({ direction: 'Backward', from: oldest.id }) }
      : { items };
  }

  async function* iterateMessages(
    chatId: string,
    o: Omit<ListMessagesOptions, 'cursor'> = {},
  ): AsyncIterable<Message> {
    if (o.afterMessageId !== undefined) {
      yield* (await listMessages(chatId, o)).items;
      return;
    }
    // Ozon reads from the newest message backwards: collect, then hand out oldest first.
    const pages: Message[][] = [];
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES_PER_CALL; i++) {
      const page = await listMessages(chatId, { limit: o.limit ?? MESSAGES_MAX, cursor });
      pages.unshift(page.items);
      if (page.next === undefined || page.next === cursor) {
        for (const items of pages) yield* items;
        return;
      }
      cursor = page.next;
    }
    throw tooManyPages('ozon', 'listMessages', MAX_PAGES_PER_CALL);
  }

  /** After an ambiguous send: reads backwards from the newest message until before `sentAfterIso`. */
  async function findSeller(chatId: string, sentAfterIso: string, matches: (m: Message) => boolean) {
    const since = Date.parse(sentAfterIso);
    let cursor: HistoryCursor | undefined;
    for (let i = 0; i < MAX_PAGES_PER_CALL; i++) {
      const page = await historyPage('findDelivered', chatId, cursor, MESSAGES_DEFAULT);
      for (const m of page.items) {
        if (m.sender === 'seller' && Date.parse(m.createdAt) >= since && matches(m)) return m;
      }
      const oldest = page.items.at(-1);
      if (!page.hasNext || oldest === undefined || Date.parse(oldest.createdAt) < since) return undefined;
      cursor = { direction: 'Backward', from: oldest.id };
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
    const id = ozonChatId('chatId', chatId);
    validateText(caps, text);
    if (o.attachments !== undefined && o.attachments.length > 0) {
      throw new NotSupportedError('Ozon cannot send files with a text; send each file with sendFile', {
        marketplace: 'ozon',
        operation: 'sendText',
      });
    }
    const result = await sendOnce({
      marketplace: 'ozon',
      operation: 'sendText',
      runtime,
      clockOffsetMs: tracked.offsetMs,
      send: () => post('sendText', '/v1/chat/send/message', { chat_id: id, text }, false),
      findDelivered: (from) => findSeller(id, from, (m) => ozonRawText(m) === text || m.text === text),
    });
    return delivered(result);
  }

  async function sendFile(chatId: string, file: FileUpload, o: { text?: string } = {}): Promise<SendResult> {
    const id = ozonChatId('chatId', chatId);
    if (o.text !== undefined && o.text !== '') {
      throw new NotSupportedError('Ozon cannot send a text with a file; send the text with sendText', {
        marketplace: 'ozon',
        operation: 'sendFile',
      });
    }
    const [checked] = validateAttachments(caps, [file]);
    const upload = checked ?? file;
    const body = { chat_id: id, name: upload.name, base64_content: toBase64(upload.data) };
    const result = await sendOnce({
      marketplace: 'ozon',
      operation: 'sendFile',
      runtime,
      clockOffsetMs: tracked.offsetMs,
      send: () => post('sendFile', '/v1/chat/send/file', body, false),
      findDelivered: (from) => findSeller(id, from, (m) => m.attachments.some((a) => a.name === file.name)),
    });
    return delivered(result);
  }

  async function markRead(chatId: string, upToMessageId?: string): Promise<MarkReadResult> {
    const id = ozonChatId('chatId', chatId);
    const body: Record<string, unknown> = { chat_id: id };
    if (upToMessageId !== undefined) body.from_message_id = ozonMessageId('upToMessageId', upToMessageId);
    // Marking read is idempotent, so the pipeline may repeat it after a transient failure.
    const data = await post('markRead', '/v2/chat/read', body, true);
    const unreadCount = countOf(data.unread_count);
    return unreadCount === undefined ? {} : { unreadCount };
  }

  /**
   * /v1/chat/start answers only the chat id, and Ozon has no get-chat method: the Chat returned is
   * built from what we know (id, posting number) rather than scanning the whole chat list.
   */
  async function startChat(input: StartChatInput): Promise<Chat> {
    const posting = input?.postingNumber ?? input?.orderId;
    const other = (['returnId', 'categoryId', 'subject', 'customSubject'] as const).find(
      (k) => input?.[k] !== undefined,
    );
    if (
      other !== undefined ||
      (input?.postingNumber !== undefined &&
        input.orderId !== undefined &&
        input.orderId !== input.postingNumber)
    ) {
      const field = other ?? 'orderId';
      throw new ValidationError(`Ozon: startChat takes only a postingNumber, not ${field}`, {
        marketplace: 'ozon',
        field,
        limit: 'postingNumber only',
      });
    }
    const postingNumber = ozonChatId('postingNumber', posting);
    const data = await post('startChat', '/v1/chat/start', { posting_number: postingNumber }, false);
    const result = objectOf(data.result, 'startChat result');
    const chatId = stringOf(result.chat_id);
    if (chatId === undefined || chatId === '') {
      throw new MarketplaceError('Ozon startChat: result.chat_id is missing', {
        marketplace: 'ozon',
        operation: 'startChat',
      });
    }
    return {
      marketplace: 'ozon',
      id: chatId,
      kind: 'direct',
      status: 'other',
      context: { postingNumber },
      raw: data,
    };
  }

  async function getTotalUnreadCount(): Promise<number> {
    const page = await chatListPage('getTotalUnreadCount', { limit: 1 });
    if (page.totalUnread === undefined) {
      throw new MarketplaceError('Ozon getTotalUnreadCount: total_unread_count is missing', {
        marketplace: 'ozon',
        operation: 'getTotalUnreadCount',
      });
    }
    return page.totalUnread;
  }

  async function downloadAttachment(attachment: { url?: string; ref?: string }): Promise<Uint8Array> {
    return downloadFile({
      marketplace: 'ozon',
      http,
      transport,
      url: attachment.url ?? attachment.ref,
      timeoutMs,
    });
  }

  return {
    marketplace: 'ozon',
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
    getTotalUnreadCount,
    downloadAttachment,
  };
}
