import type { ChatEvent } from '@sellerchat/core';
import type { NodeMessage } from './red.js';

/**
 * One event as one msg: msg.payload the message text (a new chat: its subject, or ''),
 * msg.topic the chat id, msg.sellerchat the whole event with its reply context.
 */
export function eventMessage(event: ChatEvent): NodeMessage {
  const payload = event.type === 'message.received' ? event.message.text : (event.chat.subject ?? '');
  return { payload, topic: event.reply.chatId, sellerchat: event };
}
