import { parseJson } from '../src/json/lossless.js';
import { mapMetroMessage } from '../src/marketplaces/metro/map-message.js';
import type { MetroMessage } from '../src/marketplaces/metro/wire.js';
import { mapOzonMessage } from '../src/marketplaces/ozon/map-message.js';
import { mapStoredenMessage } from '../src/marketplaces/storeden/map-message.js';
import type { StoredenMessage } from '../src/marketplaces/storeden/wire.js';
import { mapYandexMessage } from '../src/marketplaces/yandex/map-message.js';
import type { Chat } from '../src/model/chat.js';
import type { MarketplaceId } from '../src/model/marketplace.js';
import type { Message } from '../src/model/message.js';
import { readMessages } from '../src/watcher/read.js';
import type { WatcherSandbox } from '../src/watcher/testing/sandbox-harness.js';

/** One chat as the watcher meets it: the listing's chat and its history pages as the wire sent them. */
export interface ChatCorpus {
  chat: Chat;
  /** Response bodies of the history read, as received. */
  pages: string[];
  messages: number;
}

/** Reads every chat's whole history once over HTTP, keeping the response bodies for replay. */
export async function captureCorpus(ws: WatcherSandbox, mp: MarketplaceId): Promise<ChatCorpus[]> {
  const { client, counter } = ws.client(mp, {
    limits: { all: { rate: 1_000_000, intervalMs: 1_000, concurrency: 4 } },
  });
  const chats: Chat[] = [];
  for await (const chat of client.iterateChats({ limit: client.capabilities.paging.chatsMax ?? undefined }))
    chats.push(chat);
  const corpus: ChatCorpus[] = [];
  for (const chat of chats) {
    counter.reset();
    const messages = await readMessages(client, chat.id);
    corpus.push({ chat, pages: counter.responses.map((r) => r.body), messages: messages.length });
  }
  return corpus;
}

type Body = Record<string, unknown>;

const byTime = (messages: Message[]) =>
  messages
    .map((message, index) => ({ message, index, at: Date.parse(message.createdAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.message);

/**
 * A parsed history page → model messages, oldest first: the envelope each client reads and the
 * real mapper of its marketplace, with the client's own ordering (Metro sorts by time, Storeden
 * pages newest first, Yandex and Ozon are read forward).
 */
export const NORMALISE: Record<MarketplaceId, (body: unknown, chatId: string) => Message[]> = {
  metro: (body, chatId) =>
    byTime(((body as Body).data as MetroMessage[]).map((m) => mapMetroMessage(m, chatId))),
  yandex: (body, chatId) => {
    const result = (body as Body).result as Body;
    return (result.messages as unknown[]).map((m) => mapYandexMessage(m, chatId, result.context));
  },
  ozon: (body, chatId) => ((body as Body).messages as unknown[]).map((m) => mapOzonMessage(m, chatId)),
  storeden: (body, chatId) =>
    ((body as Body).messages as StoredenMessage[]).map((m) => mapStoredenMessage(m, chatId)).reverse(),
};

/** Ozon and Storeden page from the newest back: their pages are joined in reverse. */
const BACKWARDS: Record<MarketplaceId, boolean> = { metro: false, yandex: false, ozon: true, storeden: true };

/**
 * One chat's history bodies → its messages, oldest first: lossless parse (as every client parses
 * a body), envelope, mapper, page order, and the repeat a page boundary may bring dropped.
 */
export function normaliseHistory(mp: MarketplaceId, chatId: string, pages: readonly string[]): Message[] {
  const parsed = pages.map((text) => NORMALISE[mp](parseJson(text), chatId));
  if (parsed.length === 1) return parsed[0]!;
  if (BACKWARDS[mp]) parsed.reverse();
  const ids = new Set<string>();
  return parsed.flat().filter((m) => !ids.has(m.id) && ids.add(m.id) !== undefined);
}
