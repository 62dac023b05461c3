// The sandbox every node test talks to, and account credentials for it in this package's names.

import type { MarketplaceId } from '@sellerchat/core';
import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import type { AccountCredentials } from '../../src/lib/account-settings.js';

export type { RunningSandbox };

export async function openSandbox(chats = 4, seed = 11): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seed, chats });
}

/** The sandbox's working credentials for `marketplace`, as a sellerchat-account stores them. */
export function sandboxCredentials(sb: RunningSandbox, marketplace: MarketplaceId): AccountCredentials {
  const all = sb.control.credentials(marketplace) as Record<string, Record<string, string>>;
  switch (marketplace) {
    case 'metro':
      return { metroClientKey: all.seller!.clientKey, metroClientSecret: all.seller!.clientSecret };
    case 'yandex':
      return { yandexBusinessId: all.default!.businessId, yandexApiKey: all.default!.apiKey };
    case 'ozon':
      return { ozonClientId: all.default!.clientId, ozonApiKey: all.default!.apiKey };
    case 'storeden':
      return { storedenKey: all.readWrite!.key, storedenExchange: all.readWrite!.exchange };
  }
}

/** A sellerchat-account node pointed at the sandbox. */
export function accountNode(sb: RunningSandbox, marketplace: MarketplaceId, id = `acc-${marketplace}`) {
  return {
    id,
    type: 'sellerchat-account',
    name: `${marketplace} sandbox`,
    marketplace,
    server: 'sandbox',
    baseUrl: sb.url,
    ...(marketplace === 'metro' ? { metroEnvironment: 'production', metroSignature: 'base64' } : {}),
  };
}

/** A chat of `marketplace` the seller may write in (open, and for Ozon inside its send window). */
export function writableChat(sb: RunningSandbox, marketplace: MarketplaceId): string {
  const threads = sb.control.threads(marketplace);
  const open = threads.filter((t) => !/closed|archived/i.test(t.status));
  const pick = marketplace === 'ozon' ? (open.find((t) => t.context?.scheme !== 'FBO') ?? open[0]) : open[0];
  if (!pick) throw new Error(`the sandbox has no open ${marketplace} chat`);
  return pick.chatId;
}

export function sellerMessagesIn(sb: RunningSandbox, marketplace: MarketplaceId, chatId: string) {
  return sb.control.sellerMessages(marketplace).filter((m) => m.chatId === chatId);
}

export const MARKETPLACE_LIST: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];
