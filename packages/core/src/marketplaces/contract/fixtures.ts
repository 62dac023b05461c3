// What the contract needs to know about each marketplace beyond its capabilities descriptor:
// which sandbox chats accept a send, what wrong credentials look like, where to aim faults, and
// which orders have no chat yet. Facts from docs/marketplaces/*.md and the sandbox modules.
import type { ThreadSummary } from '@sellerchat/sandbox';
import type { MarketplaceId } from '../../model/marketplace.js';
import type { MarketplaceClient, StartChatInput } from '../client.js';
import type { MetroClient } from '../metro/client.js';

/** Where the sandbox should inject a fault: the path below the marketplace base (`*` globs). */
export interface FaultTarget {
  method: string;
  path: string;
}

/** What a fixture may look at to find orders without a chat. */
export interface StartChatEnv {
  /** The sandbox's marketplace module (its orders live only there). */
  module: unknown;
  client: MarketplaceClient;
  threads: ThreadSummary[];
}

export interface MarketplaceFixture {
  marketplace: MarketplaceId;
  /** Chats the seller may write to now (Yandex refuses FINISHED chats, Ozon has send windows). */
  writable(thread: ThreadSummary): boolean;
  /** Credentials the marketplace refuses, and the secret values that must never be echoed. */
  wrongCredentials(good: Record<string, string>): { credentials: Record<string, string>; secrets: string[] };
  sendText: FaultTarget;
  listChats: FaultTarget;
  /** The status the marketplace uses for "slow down". */
  rateLimitStatus: 429 | 420 | 509;
  /** Inputs that start a new chat (one per context kind the marketplace starts chats by). */
  startChatInputs(env: StartChatEnv): Promise<StartChatInput[]>;
  /** The docs say a second start for the same context returns the chat that already exists. */
  startChatIdempotent: boolean;
}

const HOUR = 3_600_000;

interface MetroModuleView {
  orders(): Array<{ orderId: string; orderNumber: string; chatId?: string }>;
}
interface YandexModuleView {
  openOrders(): Array<{ orderId: number; returnId?: number }>;
}
interface OzonModuleView {
  openPostings(): Array<{ postingNumber: string; scheme: string; paidAt: number; deliveredAt?: number }>;
}

interface MetroCategoryNode {
  id: number | string;
  children?: MetroCategoryNode[] | null;
}

function firstLeaf(nodes: MetroCategoryNode[]): MetroCategoryNode | undefined {
  for (const node of nodes) {
    if (!node.children || node.children.length === 0) return node;
    const inner = firstLeaf(node.children);
    if (inner) return inner;
  }
  return undefined;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`contract fixture: the sandbox seed has no ${what}`);
  return value;
}

const metro: MarketplaceFixture = {
  marketplace: 'metro',
  writable: () => true,
  wrongCredentials: (good) => ({
    credentials: { ...good, clientSecret: 'wrong-metro-client-secret-0000' },
    secrets: ['wrong-metro-client-secret-0000'],
  }),
  sendText: { method: 'POST', path: '/openapi/v1/chats/*/messages' },
  listChats: { method: 'GET', path: '/openapi/v1/chats' },
  rateLimitStatus: 429,
  async startChatInputs({ module, client }) {
    const free = required(
      (module as MetroModuleView).orders().find((o) => o.chatId === undefined),
      'Metro order without a chat',
    );
    // A Metro chat is started with a leaf of the categories tree (an extra of the Metro client).
    const leaf = required(firstLeaf(await (client as MetroClient).listCategories()), 'leaf category');
    return [{ orderId: free.orderId, categoryId: String(leaf.id) }];
  },
  // docs/marketplaces/metro.md: "the order's existing chat is returned instead".
  startChatIdempotent: true,
};

const yandex: MarketplaceFixture = {
  marketplace: 'yandex',
  writable: (t) => t.status !== 'FINISHED',
  wrongCredentials: (good) => ({
    credentials: { ...good, apiKey: 'ACMA:d3Jvbmcta2V5:00000000' },
    secrets: ['ACMA:d3Jvbmcta2V5:00000000'],
  }),
  sendText: { method: 'POST', path: '/v2/businesses/*/chats/message' },
  listChats: { method: 'POST', path: '/v2/businesses/*/chats' },
  rateLimitStatus: 420,
  async startChatInputs({ module, threads }) {
    // An open order may still have a chat for its return, or the other way round.
    const has = (key: 'orderId' | 'returnId', id: number | undefined) =>
      threads.some(
        (t) =>
          t.context?.contextType === (key === 'orderId' ? 'ORDER' : 'RETURN') &&
          t.context?.[key] === String(id),
      );
    const open = (module as YandexModuleView).openOrders();
    const order = required(
      open.find((o) => !has('orderId', o.orderId)),
      'Yandex order without a chat',
    );
    const back = required(
      open.find((o) => o.returnId !== undefined && !has('returnId', o.returnId)),
      'Yandex return without a chat',
    );
    return [{ orderId: String(order.orderId) }, { returnId: String(back.returnId) }];
  },
  // docs/marketplaces/yandex.md: "The same context returns the chat that already exists".
  startChatIdempotent: true,
};

const ozon: MarketplaceFixture = {
  marketplace: 'ozon',
  // FBS chats of the seed are inside Ozon's 72 h send window; FBO ones may be past 48 h.
  writable: (t) =>
    t.status === 'Opened' && t.context?.chatType === 'Buyer_Seller' && t.context.scheme === 'FBS',
  wrongCredentials: (good) => ({
    credentials: { ...good, apiKey: '00000000-1111-4222-8333-444444444444' },
    secrets: ['00000000-1111-4222-8333-444444444444'],
  }),
  sendText: { method: 'POST', path: '/v1/chat/send/message' },
  listChats: { method: 'POST', path: '/v3/chat/list' },
  rateLimitStatus: 429,
  async startChatInputs({ module }) {
    const now = Date.now();
    // Ozon starts chats for FBS/rFBS postings within 72 h after payment or delivery.
    const posting = required(
      (module as OzonModuleView)
        .openPostings()
        .find((p) => p.scheme !== 'FBO' && now - (p.deliveredAt ?? p.paidAt) < 72 * HOUR),
      'Ozon posting without a chat inside the start window',
    );
    return [{ postingNumber: posting.postingNumber }];
  },
  // docs/marketplaces/ozon.md: a second start for the same posting is not documented.
  startChatIdempotent: false,
};

const storeden: MarketplaceFixture = {
  marketplace: 'storeden',
  writable: () => true,
  wrongCredentials: () => ({
    credentials: { key: 'wrong-storeden-key-0000', exchange: 'wrong-storeden-exchange-0000' },
    secrets: ['wrong-storeden-key-0000', 'wrong-storeden-exchange-0000'],
  }),
  sendText: { method: 'POST', path: '/messages/chat.json' },
  listChats: { method: 'GET', path: '/messages/chat_list.json' },
  rateLimitStatus: 509,
  // startChat is 'none': the contract never asks.
  startChatInputs: async () => [],
  startChatIdempotent: false,
};

export const FIXTURES: Readonly<Record<MarketplaceId, MarketplaceFixture>> = {
  metro,
  yandex,
  ozon,
  storeden,
};

/**
 * An id shaped like a real one that the sandbox does not have: every digit becomes 9 and every
 * hex letter f, so UUIDs stay UUIDs and numeric ids stay numeric.
 */
export function lookalikeId(existing: string): string {
  return existing.replace(/\d/g, '9').replace(/[a-f]/g, 'f').replace(/[A-F]/g, 'F');
}
