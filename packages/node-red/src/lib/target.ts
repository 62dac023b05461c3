import { type Capabilities, ValidationError } from '@sellerchat/core';
import type { NodeMessage } from './red.js';

/** The reply context a sellerchat-in msg carries (msg.sellerchat.reply). */
export interface MsgReply {
  marketplace?: unknown;
  chatId?: unknown;
  messageId?: unknown;
}

function asId(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  // Ids are strings everywhere; a number typed into an inject node is taken as its digits.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

export function replyOf(msg: NodeMessage): MsgReply | undefined {
  const reply = (msg.sellerchat as { reply?: unknown } | undefined)?.reply;
  return typeof reply === 'object' && reply !== null ? (reply as MsgReply) : undefined;
}

/**
 * The chat a node acts on: the node's Chat field, else msg.chatId, else the reply context of a
 * sellerchat-in msg, so trigger → send answers in the same chat with nothing configured.
 */
export function resolveChat(caps: Capabilities, configured: string | undefined, msg: NodeMessage): string {
  const fromConfig = asId(configured);
  if (fromConfig) return fromConfig;
  const fromMsg = asId(msg.chatId);
  if (fromMsg) return fromMsg;
  const reply = replyOf(msg);
  const fromReply = asId(reply?.chatId);
  if (fromReply) {
    if (reply?.marketplace !== undefined && reply.marketplace !== caps.marketplace) {
      throw new ValidationError(
        `${caps.displayName}: msg.sellerchat.reply is a ${String(reply.marketplace)} chat; this node's account is ${caps.marketplace}`,
        { marketplace: caps.marketplace, field: 'msg.sellerchat.reply.marketplace', limit: caps.marketplace },
      );
    }
    return fromReply;
  }
  throw new ValidationError(
    `${caps.displayName}: no chat given: set Chat in the node, msg.chatId, or wire the node after sellerchat-in (msg.sellerchat.reply)`,
    { marketplace: caps.marketplace, field: 'chat', limit: 'a chat id' },
  );
}

/** A message id from msg.messageId, else the reply context; undefined when neither has one. */
export function resolveMessageId(configured: string | undefined, msg: NodeMessage): string | undefined {
  return asId(configured) ?? asId(msg.messageId) ?? asId(replyOf(msg)?.messageId);
}
