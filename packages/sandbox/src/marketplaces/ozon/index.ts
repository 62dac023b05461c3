import type { MarketplaceModule, SandboxContext, SandboxRequest, SandboxResponse } from '../../types.js';
import { authenticate } from './auth.js';
import { OzonBuyer } from './buyer.js';
import { credentials } from './credentials.js';
import { OzonHttpError, rpcError } from './errors.js';
import { compareIds } from './ids.js';
import { jsonObject } from './json.js';
import type { Posting } from './model.js';
import { pingNotification } from './push.js';
import { PerSecondLimit } from './rate-limit.js';
import { route } from './router.js';
import { seedStore } from './seed.js';
import { applySettings, defaultSettings, type OzonSettings } from './settings.js';
import { OzonStore } from './store.js';
import { summary, threadMessage } from './threads.js';

/** The Ozon module, plus the buyer actions beyond MarketplaceModule that tests and the demo use. */
export interface OzonModule extends MarketplaceModule {
  /** The buyer reads the seller's messages (TYPE_MESSAGE_READ). */
  buyerRead(chatId: string): void;
  /** The buyer edits one of their messages (TYPE_UPDATE_MESSAGE). */
  buyerEdit(chatId: string, messageId: string, text: string): void;
  /** Postings without a chat yet: what /v1/chat/start can open (or refuse). */
  openPostings(): Posting[];
}

export function createOzonModule(ctx: SandboxContext): OzonModule {
  let settings: OzonSettings = defaultSettings();
  const store = new OzonStore(ctx.random);
  const buyer = new OzonBuyer(store, ctx, () => settings);
  const limiter = new PerSecondLimit();

  /** Order of checks: route (404/405), headers and key (401/400/404), rate (429), JSON (400), method rules. */
  function handle(req: SandboxRequest): SandboxResponse {
    try {
      const handler = route(req.method, req.path);
      const key = authenticate(req.headers);
      limiter.hit(key.clientId, settings.rateLimitPerSecond, ctx.now());
      const body = jsonObject(req.rawBody);
      return handler({ body, key, store, ctx, settings });
    } catch (error) {
      if (error instanceof OzonHttpError) return rpcError(error.status, error.message, error.code);
      return rpcError(500, 'Internal error');
    }
  }

  const allMessages = () => [...store.chats.values()].flatMap((chat) => chat.messages);

  return {
    id: 'ozon',
    buyerAttachments: true,
    handle,
    seed: (count) => seedStore(store, ctx, count),
    reset: () => {
      store.clear();
      limiter.clear();
      settings = defaultSettings();
    },
    credentials,
    configure: (update) => {
      settings = applySettings(settings, update);
    },
    settings: () => ({ ...settings }),
    buyerWrite: (chatId, text, attachment) => buyer.write(chatId, text, attachment),
    buyerOpenChat: (input) => buyer.openChat(input),
    buyerRead: (chatId) => buyer.read(chatId),
    buyerEdit: (chatId, messageId, text) => buyer.edit(chatId, messageId, text),
    closeChat: (chatId) => buyer.close(chatId),
    listThreads: () => [...store.chats.values()].map(summary),
    thread: (chatId) => store.chats.get(chatId)?.messages.map(threadMessage),
    sellerMessages: () =>
      allMessages()
        .filter((message) => message.user.type === 'seller')
        .sort((a, b) => compareIds(a.id, b.id))
        .map((message) => ({ ...threadMessage(message), chatId: message.chatId })),
    pingPush: () => ctx.push(pingNotification(ctx.now())),
    errorResponse: (status, message) => rpcError(status, message),
    openPostings: () =>
      [...store.postings.values()].filter((posting) => !store.chatForPosting(posting.postingNumber)),
  };
}
