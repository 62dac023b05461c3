import type { MarketplaceModule, SandboxContext, SandboxRequest, SandboxResponse } from '../../types.js';
import { verifyRequest } from './auth.js';
import { MetroControl } from './control.js';
import type { MetroEnv } from './env.js';
import { errorResponse, MetroError } from './envelope.js';
import { SANDBOX_CREDENTIALS } from './identity.js';
import { dispatch } from './router.js';
import { emptyStore, seedStore } from './seed.js';
import { applySettings, defaultSettings } from './settings.js';

/** Metro's module plus a read of its orders, so a demo or test can start a chat on a free one. */
export interface MetroModule extends MarketplaceModule {
  orders(): Array<{ orderId: string; orderNumber: string; chatId?: string }>;
}

/**
 * Metro Markets message center (openapi v1) under the sandbox's `/metro` base path: HMAC auth,
 * chats, messages, uploads, categories. Starts empty; `seed(n)` fills it deterministically.
 */
export function createMetroModule(ctx: SandboxContext): MetroModule {
  const env: MetroEnv = { ctx, store: emptyStore(), settings: defaultSettings() };
  const control = new MetroControl(ctx, () => env.store);

  function handle(req: SandboxRequest): SandboxResponse {
    try {
      verifyRequest(req, {
        credentials: SANDBOX_CREDENTIALS,
        nowMs: ctx.now(),
        toleranceSeconds: env.settings.timestampToleranceSeconds,
        encoding: env.settings.signatureEncoding,
        uploadBody: env.settings.uploadBodySigning,
      });
      return dispatch(env, req);
    } catch (error) {
      if (error instanceof MetroError) return errorResponse(error);
      throw error;
    }
  }

  return {
    id: 'metro',
    buyerAttachments: true,
    handle,
    errorResponse: (status, message) => errorResponse(new MetroError(status, message)),
    seed(count) {
      env.store = seedStore(ctx, count);
    },
    reset() {
      env.store = emptyStore();
      env.settings = defaultSettings();
    },
    credentials: () => ({ seller: { ...SANDBOX_CREDENTIALS } }),
    configure(settings) {
      env.settings = applySettings(env.settings, settings);
    },
    settings: () => ({ ...env.settings }),
    buyerWrite: (chatId, text, attachment) => control.buyerWrite(chatId, text, attachment),
    buyerOpenChat: (input) => control.buyerOpenChat(input),
    closeChat: (chatId) => control.closeChat(chatId),
    listThreads: () => control.listThreads(),
    thread: (chatId) => control.thread(chatId),
    sellerMessages: () => control.sellerMessages(),
    orders: () =>
      [...env.store.orders.values()].map((o) => ({
        orderId: o.id,
        orderNumber: o.orderNumber,
        ...(o.chatId === undefined ? {} : { chatId: o.chatId }),
      })),
  };
}
