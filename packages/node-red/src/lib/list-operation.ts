import {
  assertSupported,
  type Capabilities,
  type Chat,
  type MarketplaceClient,
  type Message,
  type Page,
  ValidationError,
} from '@sellerchat/core';
import { type ChatFilterConfig, chatFilters } from './chat-filters.js';
import type { NodeDef, NodeMessage } from './red.js';
import { withResult } from './reply-context.js';
import { resolveChat } from './target.js';

export interface ListConfig extends NodeDef, ChatFilterConfig {
  account?: string;
  /** 'chats' (default), 'messages' (one chat's history) or 'unseen'. */
  what?: string;
  chat?: string;
  /** Page size; empty is the marketplace's default. */
  limit?: string | number;
  /** Every page, not one. */
  all?: boolean;
}

/** A runaway "every page" is cut here; msg.sellerchat.list.truncated says so. */
export const MAX_LIST_ITEMS = 10_000;

function pageSize(caps: Capabilities, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new ValidationError(
      `${caps.displayName}: page size must be a whole number of at least 1 (got "${String(value)}")`,
      {
        marketplace: caps.marketplace,
        field: 'limit',
        limit: 'a whole number ≥ 1',
      },
    );
  }
  return n;
}

async function gather<T>(items: AsyncIterable<T>): Promise<{ items: T[]; truncated: boolean }> {
  const out: T[] = [];
  for await (const item of items) {
    if (out.length >= MAX_LIST_ITEMS) return { items: out, truncated: true };
    out.push(item);
  }
  return { items: out, truncated: false };
}

type Listed<T> = { items: T[]; next?: string; total?: number; truncated?: boolean };

/** Runs one list operation and puts its items in msg.payload, paging details in msg.sellerchat.list. */
export async function listItems(
  caps: Capabilities,
  clientOf: () => MarketplaceClient,
  config: ListConfig,
  msg: NodeMessage,
): Promise<NodeMessage> {
  const what = config.what || 'chats';
  const limit = pageSize(caps, msg.limit ?? config.limit);
  const cursor = typeof msg.cursor === 'string' && msg.cursor !== '' ? msg.cursor : undefined;
  const paging = { ...(limit ? { limit } : {}) };
  let listed: Listed<Chat | Message>;
  let chatId: string | undefined;
  switch (what) {
    case 'chats': {
      const filter = { ...paging, ...chatFilters(caps, config, msg) };
      const client = clientOf();
      listed = config.all
        ? await gather(client.iterateChats(filter))
        : pageOf(await client.listChats({ ...filter, ...(cursor ? { cursor } : {}) }));
      break;
    }
    case 'messages': {
      chatId = resolveChat(caps, config.chat, msg);
      const after =
        typeof msg.afterMessageId === 'string' && msg.afterMessageId !== '' ? msg.afterMessageId : undefined;
      const options = { ...paging, ...(after ? { afterMessageId: after } : {}) };
      const client = clientOf();
      listed = config.all
        ? await gather(client.iterateMessages(chatId, options))
        : pageOf(await client.listMessages(chatId, { ...options, ...(cursor ? { cursor } : {}) }));
      break;
    }
    case 'unseen': {
      assertSupported(caps, 'listUnseen');
      const client = clientOf() as MarketplaceClient & {
        listUnseen?: () => Promise<{ chats: Chat[]; count: number }>;
      };
      if (typeof client.listUnseen === 'function') {
        const unseen = await client.listUnseen();
        listed = { items: unseen.chats, total: unseen.count };
      } else listed = await gather(client.iterateChats({ ...paging, unreadOnly: true }));
      break;
    }
    default:
      throw new ValidationError(
        `${caps.displayName}: list must be chats, messages or unseen (got "${what}")`,
        {
          marketplace: caps.marketplace,
          field: 'what',
          limit: 'chats | messages | unseen',
        },
      );
  }
  msg.payload = listed.items;
  const list = {
    what,
    count: listed.items.length,
    ...(listed.next ? { next: listed.next } : {}),
    ...(listed.total !== undefined ? { total: listed.total } : {}),
    ...(listed.truncated ? { truncated: true } : {}),
  };
  if (chatId) return withResult(msg, caps.marketplace, chatId, { list });
  msg.sellerchat = {
    ...(typeof msg.sellerchat === 'object' && msg.sellerchat !== null ? msg.sellerchat : {}),
    list,
  };
  return msg;
}

function pageOf<T>(page: Page<T>): Listed<T> {
  return {
    items: page.items,
    ...(page.next ? { next: page.next } : {}),
    ...(page.total !== undefined ? { total: page.total } : {}),
  };
}
