import type { MarketplaceId, SendResult } from '@sellerchat/core';
import type { NodeMessage } from './red.js';

/**
 * Adds what a node did to msg.sellerchat and keeps (or sets) its reply context, so the next
 * SellerChat node in the flow acts on the same chat with nothing configured.
 */
export function withResult(
  msg: NodeMessage,
  marketplace: MarketplaceId,
  chatId: string,
  extra: Record<string, unknown>,
): NodeMessage {
  const previous =
    typeof msg.sellerchat === 'object' && msg.sellerchat !== null
      ? (msg.sellerchat as Record<string, unknown>)
      : {};
  const reply = previous.reply as { chatId?: unknown } | undefined;
  const sameChat = reply?.chatId === chatId;
  msg.sellerchat = { ...previous, ...(sameChat ? {} : { reply: { marketplace, chatId } }), ...extra };
  return msg;
}

export type { SendResult };
