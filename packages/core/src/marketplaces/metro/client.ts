import { isSellerChatError, MarketplaceError, NotFoundError, ValidationError } from '../../errors/errors.js';
import { chooseAuthenticate } from '../../http/authentication.js';
import { pathFor } from '../../http/path.js';
import { createHttpClient } from '../../http/pipeline.js';
import type { HttpClient, RequestSpec } from '../../http/request.js';
import type { FileUpload } from '../../model/attachment.js';
import type { Chat } from '../../model/chat.js';
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
import type { ClientOptions } from '../shared/client-options.js';
import { trackClockOffset } from '../shared/clock-offset.js';
import { downloadFile } from '../shared/download.js';
import { tooManyPages } from '../shared/page-guard.js';
import { isAmbiguousFailure, isSameSellerMessage, sendOnce } from '../shared/send-once.js';
import { createMetroAuthenticate } from './auth.js';
import { metroCapabilities } from './capabilities.js';
import { METRO_CHATS_MAX_LIMIT, metroChatsQuery, parseOffset } from './chat-filters.js';
import { checkMetroCredentials, METRO_BASE_URLS, type MetroCredentials } from './credentials.js';
import { mapMetroError } from './errors.js';
import { metroId } from './ids.js';
import { languageHeader, type MetroLanguage } from './languages.js';
import { mapMetroChat } from './map-chat.js';
import { mapMetroMessage } from './map-message.js';
import { OrderCache } from './order-cache.js';
import { type KnownTrees, startChatBody } from './start-chat.js';
import type {
  MetroCategory,
  MetroChat,
  MetroEnvelope,
  MetroListMetadata,
  MetroMessage,
  MetroSubjects,
  MetroUploadedFile,
} from './wire.js';

export interface MetroClientOptions extends ClientOptions<MetroCredentials> {
  /** Accept-Language for category names when a call does not say (Metro's default is en). */
  language?: MetroLanguage;
}

/** Per-call language of the category names in the answer. */
export interface MetroLanguageOption {
  language?: MetroLanguage;
}

export type MetroListChatsOptions = ListChatsOptions & MetroLanguageOption;
export type MetroStartChatInput = StartChatInput & MetroLanguageOption;

export interface MetroClient extends MarketplaceClient {
  listChats(options?: MetroListChatsOptions): Promise<Page<Chat>>;
  iterateChats(options?: Omit<MetroListChatsOptions, 'cursor'>): AsyncIterable<Chat>;
  startChat(input: MetroStartChatInput): Promise<Chat>;
  /** `GET /chats/unseen`: chats holding unseen messages, with Metro's count. */
  listUnseen(options?: MetroLanguageOption): Promise<{ chats: Chat[]; count: number }>;
  /** The chat categories tree; only leaves (no children) can start a chat. */
  listCategories(options?: MetroLanguageOption): Promise<MetroCategory[]>;
  /** The legacy subjects tree (deprecated by Metro in favour of categories). */
  listSubjects(): Promise<MetroSubjects>;
  /** Whether e-mail conversation already exists for an order number. */
  emailsExist(orderNumber: string): Promise<boolean>;
  /** One message (an endpoint seen in a third-party client only; see docs/marketplaces/metro.md). */
  getMessage(chatId: string, messageId: string): Promise<Message>;
  /** Uploads one file to an order, for a message's `attachments`. */
  uploadFile(orderId: string, file: FileUpload): Promise<MetroUploadedFile>;
  downloadAttachment(attachment: { url?: string; ref?: string }): Promise<Uint8Array>;
}

const OP = { marketplace: 'metro' as const };
const V1 = '/openapi/v1';
/** A page cursor that comes back again would loop forever: past this many pages in one call, fail. */
const MAX_PAGES_PER_CALL = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dataOf<T>(body: unknown, operation: string, check: (data: unknown) => boolean): T {
  const data = isRecord(body) ? body.data : undefined;
  if (!isRecord(body) || !check(data)) {
    throw new MarketplaceError(`Metro Markets ${operation}: the response has no usable data`, {
      ...OP,
      operation,
    });
  }
  return data as T;
}

/** Oldest first; equal times keep Metro's order. */
function chronological(messages: Message[]): Message[] {
  return messages
    .map((message, index) => ({ message, index, at: Date.parse(message.createdAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.message);
}

export function createMetroClient(options: MetroClientOptions): MetroClient {
  const credentials = checkMetroCredentials(options.credentials);
  const { runtime, transport } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const caps = metroCapabilities;
  const path = pathFor('metro');
  const defaultLanguage = languageHeader(options.language, 'options.language');
  const tracked = trackClockOffset(
    createHttpClient({
      marketplace: 'metro',
      baseUrl: options.baseUrl ?? METRO_BASE_URLS[credentials.environment],
      transport,
      runtime,
      authenticate: chooseAuthenticate('metro', options.authentication, () =>
        createMetroAuthenticate(credentials),
      ),
      mapError: mapMetroError,
      secrets: [credentials.clientSecret, credentials.clientKey],
      limits: accountLimitRules('metro', options.limits),
      limiter: options.limiter,
      retry: options.retry,
      timeoutMs,
      logger: options.logger,
    }),
    runtime.clock,
  );
  const http: HttpClient = tracked.http;
  const orders = new OrderCache();
  const known: KnownTrees = {};

  function headersFor(language: unknown): Record<string, string> {
    return language === undefined ? { ...defaultLanguage } : languageHeader(language);
  }

  async function call<T>(
    spec: RequestSpec,
    check: (data: unknown) => boolean,
  ): Promise<{ data: T; body: unknown }> {
    const result = await http.request<MetroEnvelope<T>>(spec);
    return { data: dataOf<T>(result.data, spec.operation, check), body: result.data };
  }

  function remember(chat: Chat): Chat {
    orders.set(chat.id, chat.context.orderId);
    return chat;
  }

  async function listPage(
    operation: string,
    o: MetroListChatsOptions & { chatId?: string },
  ): Promise<Page<Chat>> {
    const query = metroChatsQuery(o);
    const headers = headersFor(o.language);
    const offset = parseOffset(o.cursor);
    const { data, body } = await call<MetroChat[]>(
      { operation, method: 'GET', path: `${V1}/chats`, query, headers },
      Array.isArray,
    );
    const items = data.map((raw) => remember(mapMetroChat(raw)));
    const meta = (isRecord(body) && isRecord(body.metadata) ? body.metadata : {}) as MetroListMetadata;
    const total = typeof meta.total === 'number' ? meta.total : undefined;
    const limit =
      typeof meta.limit === 'number' ? meta.limit : (query.find(([k]) => k === 'limit')?.[1] as number);
    const reached = offset + items.length;
    const more = items.length > 0 && (total !== undefined ? reached < total : items.length >= limit);
    const page: Page<Chat> = { items };
    if (total !== undefined) page.total = total;
    if (more) page.next = String(reached);
    return page;
  }

  function listChats(o: MetroListChatsOptions = {}): Promise<Page<Chat>> {
    return listPage('listChats', o);
  }

  async function* iterateChats(o: Omit<MetroListChatsOptions, 'cursor'> = {}): AsyncIterable<Chat> {
    let cursor: string | undefined;
    for (let n = 0; n < MAX_PAGES_PER_CALL; n++) {
      const page = await listChats({ ...o, cursor, limit: o.limit ?? METRO_CHATS_MAX_LIMIT });
      yield* page.items;
      if (page.next === undefined || page.next === cursor) return;
      cursor = page.next;
    }
    throw tooManyPages('metro', 'listChats', MAX_PAGES_PER_CALL);
  }

  // Metro has no get-chat endpoint: the list filtered by chat id stands in for it.
  async function getChat(chatId: string): Promise<Chat> {
    const id = metroId('chatId', chatId);
    const page = await listPage('getChat', { chatId: id });
    const chat = page.items.find((c) => c.id === id);
    if (!chat)
      throw new NotFoundError(`Metro Markets getChat: chat ${id} not found`, { ...OP, operation: 'getChat' });
    return chat;
  }

  async function readMessages(operation: string, chatId: string): Promise<Message[]> {
    const { data } = await call<MetroMessage[]>(
      { operation, method: 'GET', path: path`/openapi/v1/chats/${{ chatId }}/messages` },
      Array.isArray,
    );
    return chronological(data.map((raw) => mapMetroMessage(raw, chatId)));
  }

  async function listMessages(chatId: string, o: ListMessagesOptions = {}): Promise<Page<Message>> {
    const id = metroId('chatId', chatId);
    const after = o.afterMessageId === undefined ? undefined : metroId('afterMessageId', o.afterMessageId);
    const all = await readMessages('listMessages', id);
    if (after === undefined) return { items: all };
    const index = all.findIndex((m) => m.id === after);
    // An unknown id (deleted, or from another chat) gives the whole history: better twice than never.
    return { items: index < 0 ? all : all.slice(index + 1) };
  }

  async function* iterateMessages(
    chatId: string,
    o: Omit<ListMessagesOptions, 'cursor'> = {},
  ): AsyncIterable<Message> {
    yield* (await listMessages(chatId, o)).items;
  }

  async function getMessage(chatId: string, messageId: string): Promise<Message> {
    metroId('chatId', chatId);
    metroId('messageId', messageId);
    const { data } = await call<MetroMessage>(
      {
        operation: 'getMessage',
        method: 'GET',
        path: path`/openapi/v1/chats/${{ chatId }}/messages/${{ messageId }}`,
      },
      isRecord,
    );
    return mapMetroMessage(data, chatId);
  }

  async function orderIdOf(chatId: string): Promise<string> {
    const cached = orders.get(chatId);
    if (cached !== undefined) return cached;
    const chat = await getChat(chatId);
    if (chat.context.orderId === undefined) {
      throw new MarketplaceError(`Metro Markets sendFile: chat ${chatId} names no order to upload files to`, {
        ...OP,
        operation: 'sendFile',
      });
    }
    return chat.context.orderId;
  }

  async function upload(operation: string, orderId: string, file: FileUpload): Promise<MetroUploadedFile> {
    const { data } = await call<MetroUploadedFile>(
      {
        operation,
        method: 'POST',
        path: path`/openapi/v1/orders/${{ orderId }}/upload-file`,
        body: {
          multipart: [
            {
              name: 'file',
              filename: file.name,
              contentType: file.mimeType ?? 'application/octet-stream',
              data: file.data,
            },
          ],
        },
        // A repeated upload only leaves an unused file behind; the buyer sees nothing of it.
        idempotent: true,
      },
      (d) => isRecord(d) && typeof d.fileId === 'string',
    );
    return {
      fileId: data.fileId,
      fileName: data.fileName ?? file.name,
      fileType: data.fileType ?? file.mimeType ?? '',
    };
  }

  async function uploadFile(orderId: string, file: FileUpload): Promise<MetroUploadedFile> {
    const id = metroId('orderId', orderId);
    const [checked] = validateAttachments(caps, [file], 'file');
    return upload('uploadFile', id, checked!);
  }

  /** Uploads the files to the chat's order, then posts one message; never posts it twice. */
  async function post(
    operation: string,
    chatId: string,
    content: string,
    files: FileUpload[],
  ): Promise<SendResult> {
    let attachments: MetroUploadedFile[] | undefined;
    if (files.length > 0) {
      const orderId = await orderIdOf(chatId);
      attachments = [];
      for (const file of files) attachments.push(await upload(operation, orderId, file));
    }
    const body = attachments === undefined ? { content } : { content, attachments };
    const outcome = await sendOnce({
      ...OP,
      operation,
      runtime,
      clockOffsetMs: tracked.offsetMs,
      send: () =>
        call<MetroMessage>(
          {
            operation,
            method: 'POST',
            path: path`/openapi/v1/chats/${{ chatId }}/messages`,
            body: { json: body },
          },
          isRecord,
        ),
      findDelivered: async (sentAfterIso) => {
        const names = attachments?.map((a) => a.fileName);
        const messages = await readMessages(operation, chatId);
        return messages
          .reverse()
          .find((m) => isSameSellerMessage(m, { text: content, attachmentNames: names }, sentAfterIso));
      },
    });
    const message = 'delivered' in outcome ? outcome.delivered : mapMetroMessage(outcome.data, chatId);
    return { messageId: message.id, message };
  }

  async function sendText(
    chatId: string,
    text: string,
    o: { attachments?: FileUpload[] } = {},
  ): Promise<SendResult> {
    const id = metroId('chatId', chatId);
    const content = validateText(caps, text);
    const files = o.attachments === undefined ? [] : validateAttachments(caps, o.attachments);
    return post('sendText', id, content, files);
  }

  async function sendFile(chatId: string, file: FileUpload, o: { text?: string } = {}): Promise<SendResult> {
    const id = metroId('chatId', chatId);
    const [checked] = validateAttachments(caps, [file], 'file');
    // Metro requires a content for every message: a file sent alone is captioned with its name.
    const content = o.text === undefined || o.text === '' ? checked!.name : validateText(caps, o.text);
    return post('sendFile', id, content, [checked!]);
  }

  // Metro marks messages seen when they are read, and offers no other way.
  async function markRead(chatId: string, upToMessageId?: string): Promise<MarkReadResult> {
    const id = metroId('chatId', chatId);
    if (upToMessageId !== undefined) metroId('upToMessageId', upToMessageId);
    await readMessages('markRead', id);
    return {};
  }

  async function startChat(input: MetroStartChatInput): Promise<Chat> {
    const body = startChatBody(input, known);
    const headers = headersFor(input.language);
    const orderId = input.orderId as string;
    try {
      const { data } = await call<MetroChat>(
        {
          operation: 'startChat',
          method: 'POST',
          path: path`/openapi/v1/orders/${{ orderId }}/chats`,
          body: { json: body },
          headers,
        },
        isRecord,
      );
      return remember(mapMetroChat(data));
    } catch (error) {
      // One chat per order: after a lost response or "already exists", the order's chat is the answer.
      const conflict = isSellerChatError(error) && error.kind === 'conflict';
      if (!conflict && !isAmbiguousFailure(error)) throw error;
      const existing = (await listPage('startChat', { orderId, language: input.language })).items.find(
        (c) => c.context.orderId === orderId,
      );
      if (existing) return existing;
      throw error;
    }
  }

  async function listUnseen(o: MetroLanguageOption = {}): Promise<{ chats: Chat[]; count: number }> {
    const { data } = await call<{ chats: MetroChat[]; count?: number }>(
      { operation: 'listUnseen', method: 'GET', path: `${V1}/chats/unseen`, headers: headersFor(o.language) },
      (d) => isRecord(d) && Array.isArray(d.chats),
    );
    const chats = data.chats.map((raw) => remember(mapMetroChat(raw)));
    return { chats, count: typeof data.count === 'number' ? data.count : chats.length };
  }

  async function listCategories(o: MetroLanguageOption = {}): Promise<MetroCategory[]> {
    const { data } = await call<MetroCategory[]>(
      {
        operation: 'listCategories',
        method: 'GET',
        path: `${V1}/chat-categories`,
        headers: headersFor(o.language),
      },
      Array.isArray,
    );
    known.categories = data;
    return data;
  }

  async function listSubjects(): Promise<MetroSubjects> {
    const { data } = await call<MetroSubjects>(
      { operation: 'listSubjects', method: 'GET', path: `${V1}/chat-subjects` },
      isRecord,
    );
    known.subjects = data;
    return data;
  }

  async function emailsExist(orderNumber: string): Promise<boolean> {
    metroId('orderNumber', orderNumber);
    const { data } = await call<{ exist: boolean }>(
      {
        operation: 'emailsExist',
        method: 'GET',
        path: path`/openapi/v1/orders/${{ orderNumber }}/emails-exist`,
      },
      (d) => isRecord(d) && typeof d.exist === 'boolean',
    );
    return data.exist;
  }

  async function downloadAttachment(attachment: { url?: string; ref?: string }): Promise<Uint8Array> {
    if (!attachment?.url) {
      throw new ValidationError(
        'Metro Markets: attachment.url is missing; Metro files are fetched by their downloadUrl, so read the message again for one',
        { ...OP, field: 'attachment.url', limit: 'the downloadUrl of a message attachment' },
      );
    }
    return downloadFile({ ...OP, http, transport, url: attachment.url, timeoutMs });
  }

  return {
    marketplace: 'metro',
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
    listUnseen,
    listCategories,
    listSubjects,
    emailsExist,
    getMessage,
    uploadFile,
    downloadAttachment,
  };
}
