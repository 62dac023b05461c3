import type { MarketplaceModule, SandboxContext } from '../../types.js';
import { handleStoredenRequest } from './storeden-api.js';
import { STOREDEN_CREDENTIALS } from './storeden-auth.js';
import { DailyBudget } from './storeden-budget.js';
import { storedenError } from './storeden-errors.js';
import { randomBuyerName, seedStoreden } from './storeden-seed.js';
import {
  applyStoredenSettings,
  DEFAULT_STOREDEN_SETTINGS,
  type StoredenSettings,
} from './storeden-settings.js';
import { StoredenStore } from './storeden-store.js';
import { threadMessage, threadSummary } from './storeden-views.js';

/** Storeden Connect v1.1 messages, as shared/api/marketplaces.md §4 and §6 describe them. */
export function createStoredenModule(ctx: SandboxContext): MarketplaceModule {
  const store = new StoredenStore(ctx.random);
  const budget = new DailyBudget();
  let settings: StoredenSettings = { ...DEFAULT_STOREDEN_SETTINGS };
  const api = { ctx, store, budget, settings: () => settings };

  const conversationFor = (chatId: string) => {
    const conversation = /^\d+$/.test(chatId) ? store.conversations.get(Number(chatId)) : undefined;
    if (!conversation) throw new Error(`no conversation with with_id "${chatId}"`);
    return conversation;
  };

  return {
    id: 'storeden',
    buyerAttachments: false,
    handle: (req) => handleStoredenRequest(api, req),
    errorResponse: (status, message) => storedenError(status, message),
    seed(count) {
      store.clear(ctx.random);
      seedStoreden(store, count, ctx.now(), ctx.random);
    },
    reset() {
      store.clear(ctx.random);
      budget.clear();
      settings = { ...DEFAULT_STOREDEN_SETTINGS };
    },
    credentials: () => ({
      readWrite: { ...STOREDEN_CREDENTIALS.readWrite },
      readOnly: { ...STOREDEN_CREDENTIALS.readOnly },
    }),
    configure(input) {
      settings = applyStoredenSettings(settings, input);
    },
    settings: () => ({ ...settings }),
    buyerWrite(chatId, text, attachment) {
      if (attachment) throw new Error('Storeden messages carry no attachments');
      if (text.trim() === '') throw new Error('text must not be empty');
      const conversation = conversationFor(chatId);
      const now = ctx.now();
      // Writing means the buyer has seen the merchant's earlier messages.
      for (const message of conversation.messages) {
        if (message.fromMyself && message.readByBuyerAt === null) message.readByBuyerAt = now;
      }
      return store.append(conversation, { fromMyself: false, text, at: now }).id;
    },
    buyerOpenChat({ text, name, kind }) {
      if (kind !== undefined && kind !== 'conversation') {
        throw new Error(`Storeden has one kind of chat, "conversation" (got "${kind}")`);
      }
      const withId = store.nextWithId(ctx.random);
      const conversation = store.addConversation(withId, name ?? randomBuyerName(ctx.random));
      const message = store.append(conversation, { fromMyself: false, text, at: ctx.now() });
      return { chatId: String(withId), messageId: message.id };
    },
    closeChat() {
      throw new Error('Storeden conversations have no status: they cannot be closed');
    },
    listThreads: () => [...store.conversations.values()].map(threadSummary),
    thread(chatId) {
      const conversation = /^\d+$/.test(chatId) ? store.conversations.get(Number(chatId)) : undefined;
      return conversation?.messages.map(threadMessage);
    },
    sellerMessages: () =>
      store.sentByMerchant.map(({ withId, message }) => ({
        ...threadMessage(message),
        chatId: String(withId),
      })),
  };
}
