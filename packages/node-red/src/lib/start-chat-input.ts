import { assertSupported, type Capabilities, type StartChatInput, ValidationError } from '@sellerchat/core';
import type { NodeDef, NodeMessage } from './red.js';

export interface StartChatConfig extends NodeDef {
  account?: string;
  orderId?: string;
  returnId?: string;
  postingNumber?: string;
  categoryId?: string;
  subject?: string;
  customSubject?: string;
}

const FIELDS = ['orderId', 'returnId', 'postingNumber', 'categoryId', 'subject', 'customSubject'] as const;

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * What to start a chat about: the node's fields, each overridden by the same key in msg.payload
 * (an object). Checked against what the marketplace starts chats by, before any request.
 */
export function startChatInput(
  caps: Capabilities,
  config: StartChatConfig,
  msg: NodeMessage,
): StartChatInput {
  assertSupported(caps, 'startChat');
  const fromMsg =
    typeof msg.payload === 'object' && msg.payload !== null ? (msg.payload as Record<string, unknown>) : {};
  const input: StartChatInput = {};
  for (const field of FIELDS) {
    const value = text(fromMsg[field]) ?? text(config[field]);
    if (value !== undefined) input[field] = value;
  }
  const need = (field: string, what: string) =>
    new ValidationError(`${caps.displayName}: starting a chat needs ${what}`, {
      marketplace: caps.marketplace,
      field,
      limit: what,
    });
  switch (caps.startChat) {
    case 'order':
      if (!input.orderId) throw need('orderId', 'an order id');
      if (!input.categoryId && !input.subject)
        throw need('categoryId', 'a chat category id (or a legacy subject)');
      break;
    case 'order-or-return':
      if (!input.orderId && !input.returnId) throw need('orderId', 'an order id or a return id');
      break;
    case 'posting':
      if (!input.postingNumber) throw need('postingNumber', 'a posting number');
      break;
  }
  return input;
}
