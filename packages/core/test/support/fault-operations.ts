import type { SandboxControl } from '@sellerchat/sandbox';
import type { Capabilities, MarketplaceClient, MarketplaceId } from '../../src/index.js';
import { type FaultTarget, FIXTURES } from '../../src/marketplaces/contract/fixtures.js';
import { samplePng } from '../../src/marketplaces/contract/sample-files.js';
import { HISTORY_PATHS } from '../../src/watcher/testing/host.js';

/**
 * How the design treats an operation under faults:
 * - `read`: retried by the pipeline; a transient fault ends in success.
 * - `retried-write`: a write the marketplace deduplicates, retried like a read (Ozon mark read,
 *   Yandex start chat: "the same context returns the chat that already exists").
 * - `send`: never retried blindly; `guarded` ones go through sendOnce, which checks the history
 *   after an ambiguous failure instead of posting again.
 */
export type OperationClass = 'read' | 'retried-write' | 'send';

export interface CellContext {
  marketplace: MarketplaceId;
  client: MarketplaceClient;
  control: SandboxControl;
  /** The sandbox's module for this marketplace (orders without a chat live only there). */
  module: unknown;
  /** Unique per cell, so a text or file name found in the sandbox is this cell's. */
  tag: string;
}

/** An operation made ready before the fault is injected: what to run, and what it adds. */
export interface PreparedOperation {
  run(): Promise<unknown>;
  /** What the sandbox holds that the operation adds to (seller messages, chats); absent for reads. */
  count?(): number;
}

export interface MatrixOperation {
  name: string;
  /** The MarketplaceClient method it calls. */
  method: keyof MarketplaceClient;
  supported(capabilities: Capabilities): boolean;
  classOf(marketplace: MarketplaceId): OperationClass;
  /** True when a send is guarded by sendOnce (it checks the history, then sends again). */
  guarded: boolean;
  /** The request the fault is aimed at; only asked when the operation is supported. */
  target(marketplace: MarketplaceId): FaultTarget;
  prepare(context: CellContext): Promise<PreparedOperation>;
}

/** Yandex and Ozon read history with POST; Metro and Storeden with GET. */
const HISTORY_METHOD: Record<MarketplaceId, string> = {
  metro: 'GET',
  yandex: 'POST',
  ozon: 'POST',
  storeden: 'GET',
};

const FILE_PATHS: Partial<Record<MarketplaceId, string>> = {
  // Metro uploads first (an idempotent call); the post that carries the file is what must not repeat.
  metro: '/openapi/v1/chats/*/messages',
  yandex: '/v2/businesses/*/chats/file/send',
  ozon: '/v1/chat/send/file',
};

const START_PATHS: Partial<Record<MarketplaceId, string>> = {
  metro: '/openapi/v1/orders/*/chats',
  yandex: '/v2/businesses/*/chats/new',
  ozon: '/v1/chat/start',
};

function writableChat({ control, marketplace }: CellContext): string {
  const thread = control.threads(marketplace).find((t) => FIXTURES[marketplace].writable(t));
  if (!thread) throw new Error(`the ${marketplace} seed has no chat the seller may write to`);
  return thread.chatId;
}

function sellerCount(context: CellContext, chatId: string): () => number {
  return () => context.control.thread(context.marketplace, chatId).filter((m) => m.from === 'seller').length;
}

function seedOf(tag: string): number {
  let hash = 7;
  for (const char of tag) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash;
}

const always = () => true;

export const OPERATIONS: readonly MatrixOperation[] = [
  {
    name: 'list chats',
    method: 'listChats',
    supported: always,
    classOf: () => 'read',
    guarded: false,
    target: (m) => FIXTURES[m].listChats,
    prepare: async ({ client }) => ({ run: () => client.listChats() }),
  },
  {
    name: 'history',
    method: 'listMessages',
    supported: always,
    classOf: () => 'read',
    guarded: false,
    target: (m) => ({ method: HISTORY_METHOD[m], path: HISTORY_PATHS[m] }),
    prepare: async (context) => {
      const chatId = writableChat(context);
      return { run: () => context.client.listMessages(chatId) };
    },
  },
  {
    name: 'send text',
    method: 'sendText',
    supported: always,
    classOf: () => 'send',
    guarded: true,
    target: (m) => FIXTURES[m].sendText,
    prepare: async (context) => {
      const chatId = writableChat(context);
      return {
        run: () => context.client.sendText(chatId, `fault matrix ${context.tag}`),
        count: sellerCount(context, chatId),
      };
    },
  },
  {
    name: 'send file',
    method: 'sendFile',
    supported: (caps) => caps.sendFile !== 'none',
    classOf: () => 'send',
    guarded: true,
    target: (m) => ({ method: 'POST', path: FILE_PATHS[m] ?? '' }),
    prepare: async (context) => {
      const chatId = writableChat(context);
      const file = samplePng(`${context.tag.replace(/[^a-z0-9]+/gi, '-')}.png`, seedOf(context.tag));
      return { run: () => context.client.sendFile(chatId, file), count: sellerCount(context, chatId) };
    },
  },
  {
    name: 'mark read',
    method: 'markRead',
    supported: (caps) => caps.markRead !== 'none',
    // Metro marks read by reading the chat; Ozon's mark read is a write it may repeat.
    classOf: (m) => (m === 'metro' ? 'read' : 'retried-write'),
    guarded: false,
    target: (m) =>
      m === 'metro'
        ? { method: 'GET', path: HISTORY_PATHS.metro }
        : { method: 'POST', path: '/v2/chat/read' },
    prepare: async (context) => {
      const chatId = writableChat(context);
      return { run: () => context.client.markRead(chatId) };
    },
  },
  {
    name: 'start chat',
    method: 'startChat',
    supported: (caps) => caps.startChat !== 'none',
    classOf: (m) => (m === 'yandex' ? 'retried-write' : 'send'),
    guarded: false,
    target: (m) => ({ method: 'POST', path: START_PATHS[m] ?? '' }),
    prepare: async (context) => {
      const { control, marketplace, client, module } = context;
      if (client.capabilities.startChat === 'none') {
        // Refused before any request, whatever the input: nothing to look up.
        return { run: () => client.startChat({ orderId: '1' }) };
      }
      const threads = control.threads(marketplace);
      const [input] = await FIXTURES[marketplace].startChatInputs({ module, client, threads });
      if (!input) throw new Error(`the ${marketplace} seed gives nothing to start a chat for`);
      return { run: () => client.startChat(input), count: () => control.threads(marketplace).length };
    },
  },
];

/**
 * Client methods the matrix does not call, and why: each sends only requests a matrix operation
 * already sends. A method in neither list fails the run, so a new operation gets its cells.
 */
export const NOT_IN_MATRIX: Readonly<Record<string, string>> = {
  iterateChats: 'pages of list chats',
  iterateMessages: 'pages of history',
  getChat: 'the chat list filtered (Metro, Ozon, Storeden); Yandex GET /chat, which start chat sends too',
};

/** How a fault fires in a cell: once (a retry can succeed), twice, or until cleared. */
export interface Variant {
  name: string;
  times?: number;
}

export const VARIANTS: readonly Variant[] = [{ name: 'once', times: 1 }, { name: 'persistent' }];
