import {
  type Capabilities,
  type ChatFilter,
  type ChatStatus,
  type ListChatsOptions,
  ValidationError,
} from '@sellerchat/core';
import type { NodeMessage } from './red.js';

/** The sellerchat-list settings that narrow a chat list. */
export interface ChatFilterConfig {
  unreadOnly?: boolean;
  /** Statuses ticked in the dialog (an array), or a comma-separated text. */
  statuses?: unknown;
  /** An ISO 8601 time. */
  lastMessageFrom?: string;
  orderId?: string;
}

export const FILTER_STATUSES: readonly ChatStatus[] = [
  'new',
  'waiting_for_seller',
  'waiting_for_buyer',
  'closed',
];

const LABEL: Record<ChatFilter, string> = {
  unreadOnly: 'unread only',
  statuses: 'status',
  lastMessageFrom: 'last message time',
  orderId: 'order',
};

type Filters = Pick<ListChatsOptions, 'unreadOnly' | 'statuses' | 'lastMessageFrom' | 'orderId'>;

function refuse(caps: Capabilities, field: string, message: string, limit: string): never {
  throw new ValidationError(`${caps.displayName}: ${message}`, {
    marketplace: caps.marketplace,
    field,
    limit,
  });
}

function statusesOf(caps: Capabilities, value: unknown): ChatStatus[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  const statuses = raw.map((s) => String(s).trim()).filter((s) => s !== '');
  const allowed = FILTER_STATUSES.join(', ');
  for (const status of statuses) {
    if (!FILTER_STATUSES.includes(status as ChatStatus))
      refuse(caps, 'statuses', `status "${status}" is not one of ${allowed}`, `each one of ${allowed}`);
  }
  return statuses.length > 0 ? (statuses as ChatStatus[]) : undefined;
}

function timeOf(caps: Capabilities, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  // A number is epoch milliseconds (Date.now() in a function node); text must carry its zone.
  const ms =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())
        ? Date.parse(value)
        : Number.NaN;
  if (!Number.isFinite(ms))
    refuse(
      caps,
      'lastMessageFrom',
      `last message time must be an ISO 8601 time with its zone or epoch milliseconds (got ${JSON.stringify(value)})`,
      'ISO 8601 with Z or an offset, or epoch ms',
    );
  return new Date(ms).toISOString();
}

/**
 * The chat-list filters of the node, each overridden by the msg property of the same name, checked
 * before any request against the filters the marketplace's descriptor lists: one it cannot apply
 * is refused, not silently ignored (the list would hold chats the flow asked to leave out).
 */
export function chatFilters(caps: Capabilities, config: ChatFilterConfig, msg: NodeMessage): Filters {
  const wanted: Filters = {};
  if (config.unreadOnly) wanted.unreadOnly = true;
  const statuses = statusesOf(caps, msg.statuses ?? config.statuses);
  if (statuses) wanted.statuses = statuses;
  const from = timeOf(caps, msg.lastMessageFrom ?? config.lastMessageFrom);
  if (from) wanted.lastMessageFrom = from;
  const orderId = String(msg.orderId ?? config.orderId ?? '').trim();
  if (orderId !== '') wanted.orderId = orderId;
  const can = caps.chatFilters.map((f) => LABEL[f]).join(', ') || 'none';
  for (const filter of Object.keys(wanted) as ChatFilter[]) {
    if (!caps.chatFilters.includes(filter))
      refuse(caps, filter, `its chat list cannot be filtered by ${LABEL[filter]}`, `filters: ${can}`);
  }
  return wanted;
}
