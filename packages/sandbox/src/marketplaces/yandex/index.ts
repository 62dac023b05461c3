import { setTimeout as sleep } from 'node:timers/promises';
import type { MarketplaceModule, SandboxContext, SandboxRequest, SandboxResponse } from '../../types.js';
import { authorize } from './auth.js';
import { YandexBuyer } from './buyer.js';
import { credentials } from './credentials.js';
import { errorResponse, YandexHttpError } from './errors.js';
import { HourlyQuota, ParallelGate, rateLimitHeaders } from './limits.js';
import type { Order } from './model.js';
import { pingNotification } from './push.js';
import { route } from './router.js';
import { seedStore } from './seed.js';
import { applySettings, defaultSettings, type YandexSettings } from './settings.js';
import { YandexStore } from './store.js';
import { summary, threadMessage } from './threads.js';

/** The Yandex module, plus the few hooks beyond MarketplaceModule that tests and the demo use. */
export interface YandexModule extends MarketplaceModule {
  /** Requests of this cabinet being answered right now (the 420 parallel limit counts these). */
  inFlight(businessId: number): number;
  /** Orders (and returns) of the seeded cabinet with no chat yet: what chats/new can open. */
  openOrders(): Order[];
  /** Turn a chat into a dispute (CHAT_ARBITRAGE_STARTED). */
  startArbitrage(chatId: string): void;
}

function withHeaders(response: SandboxResponse, headers: Record<string, string>): SandboxResponse {
  return { ...response, headers: { ...headers, ...response.headers } };
}

export function createYandexModule(ctx: SandboxContext): YandexModule {
  const store = new YandexStore();
  const buyer = new YandexBuyer(store, ctx);
  const gate = new ParallelGate();
  const quota = new HourlyQuota();
  let settings: YandexSettings = defaultSettings();

  /**
   * Order of checks: route (404/405/400), token (401/403), parallel slot (420), hourly quota
   * (420), then the endpoint. The slot is held across settings.latencyMs and the endpoint, so
   * requests overlapping in that time are what the 4-parallel limit sees.
   */
  async function handle(req: SandboxRequest): Promise<SandboxResponse> {
    let headers: Record<string, string> = {};
    let release: (() => void) | undefined;
    try {
      const matched = route(req.method, req.path);
      const { businessId, operation } = matched;
      const limit = settings.quotas[operation];
      headers = rateLimitHeaders(quota.peek(businessId, operation, limit, ctx.now(), settings.quotaWindowMs));
      authorize(req.headers, businessId, operation);
      release = gate.acquire(businessId, settings.parallelLimit);
      headers = rateLimitHeaders(
        quota.consume(businessId, operation, limit, ctx.now(), settings.quotaWindowMs),
      );
      if (settings.latencyMs > 0) await sleep(settings.latencyMs);
      const response = await matched.handler({ req, businessId, store, ctx, settings });
      return withHeaders(response, headers);
    } catch (error) {
      if (error instanceof YandexHttpError) {
        return withHeaders(errorResponse(error.status, error.message, error.code), headers);
      }
      return withHeaders(errorResponse(500, 'Internal error'), headers);
    } finally {
      release?.();
    }
  }

  return {
    id: 'yandex',
    buyerAttachments: true,
    handle,
    seed: (count) => seedStore(store, ctx, count),
    reset: () => {
      store.clear();
      gate.clear();
      quota.clear();
      settings = defaultSettings();
    },
    credentials,
    configure: (update) => {
      settings = applySettings(settings, update);
    },
    settings: () => ({ ...settings, quotas: { ...settings.quotas } }),
    buyerWrite: (chatId, text, attachment) => buyer.write(chatId, text, attachment),
    buyerOpenChat: (input) => buyer.openChat(input),
    closeChat: (chatId) => buyer.close(chatId),
    startArbitrage: (chatId) => buyer.startArbitrage(chatId),
    listThreads: () =>
      [...store.chats.values()].sort((a, b) => b.chatId - a.chatId).map((chat) => summary(chat)),
    thread: (chatId) => {
      const chat = /^\d+$/.test(chatId) ? store.chats.get(Number(chatId)) : undefined;
      return chat?.messages.map(threadMessage);
    },
    sellerMessages: () =>
      [...store.chats.values()]
        .flatMap((chat) => chat.messages.filter((m) => m.sender === 'PARTNER'))
        .sort((a, b) => a.messageId - b.messageId)
        .map((message) => ({ ...threadMessage(message), chatId: String(message.chatId) })),
    pingPush: () => ctx.push(pingNotification(ctx.now())),
    errorResponse: (status, message) => errorResponse(status, message),
    inFlight: (businessId) => gate.inFlight(businessId),
    openOrders: () =>
      [...store.orders.values()].filter(
        (order) =>
          !store.chatForContext(order.businessId, 'ORDER', order.orderId) ||
          (order.returnId !== undefined && !store.chatForContext(order.businessId, 'RETURN', order.returnId)),
      ),
  };
}
