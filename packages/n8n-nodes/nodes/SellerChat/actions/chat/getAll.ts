import {
  CAPABILITIES,
  type ChatFilter,
  type ChatStatus,
  type ListChatsOptions,
  MARKETPLACES,
  type MarketplaceId,
} from '@sellerchat/core';
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { toJson } from '../../helpers/json.js';
import { field, limitField, returnAllField } from '../common-fields.js';
import type { FieldDef, OperationDef } from '../types.js';

const FILTER_OPTIONS: Record<ChatFilter, INodeProperties> = {
  lastMessageFrom: {
    displayName: 'Last Message From',
    name: 'lastMessageFrom',
    type: 'dateTime',
    default: '',
    description: 'Only chats whose last message is at or after this time',
  },
  orderId: {
    displayName: 'Order ID',
    name: 'orderId',
    type: 'string',
    default: '',
    description: 'Only the chat of this order',
  },
  statuses: {
    displayName: 'Statuses',
    name: 'statuses',
    type: 'multiOptions',
    options: [
      { name: 'Closed', value: 'closed' },
      { name: 'New', value: 'new' },
      { name: 'Waiting for Buyer', value: 'waiting_for_buyer' },
      { name: 'Waiting for Seller', value: 'waiting_for_seller' },
    ],
    default: [],
    description: 'Only chats in these statuses',
  },
  unreadOnly: {
    displayName: 'Unread Only',
    name: 'unreadOnly',
    type: 'boolean',
    default: false,
    description: 'Whether to return only chats with buyer messages the seller has not read',
  },
};

/** One filters collection per marketplace, holding only the filters its descriptor lists. */
function filtersField(marketplace: MarketplaceId): FieldDef | undefined {
  const names = [...CAPABILITIES[marketplace].chatFilters].sort();
  if (names.length === 0) return undefined;
  return field(
    {
      displayName: 'Filters',
      name: 'filters',
      type: 'collection',
      placeholder: 'Add Filter',
      default: {},
      options: names.map((name) => FILTER_OPTIONS[name]),
    },
    (caps) => caps.marketplace === marketplace,
  );
}

export const chatGetAll: OperationDef = {
  resource: 'chat',
  value: 'getAll',
  name: 'Get Many',
  action: 'Get many chats',
  description:
    'List buyer chats, newest activity first, with their order context, status and unread count. Use it to find the chat to answer.',
  supports: () => true,
  fields: [
    returnAllField,
    limitField,
    ...MARKETPLACES.map(filtersField).filter((f): f is FieldDef => f !== undefined),
  ],
  async execute({ fn, client, marketplace, itemIndex }) {
    const returnAll = fn.getNodeParameter('returnAll', itemIndex, false) as boolean;
    const limit = returnAll
      ? Number.POSITIVE_INFINITY
      : (fn.getNodeParameter('limit', itemIndex, 50) as number);
    const filters = fn.getNodeParameter('filters', itemIndex, {}) as {
      unreadOnly?: boolean;
      statuses?: ChatStatus[];
      lastMessageFrom?: string;
      orderId?: string;
    };
    const options: Omit<ListChatsOptions, 'cursor'> = {};
    if (filters.unreadOnly) options.unreadOnly = true;
    if (filters.statuses && filters.statuses.length > 0) options.statuses = filters.statuses;
    if (filters.lastMessageFrom) options.lastMessageFrom = new Date(filters.lastMessageFrom).toISOString();
    if (filters.orderId) options.orderId = String(filters.orderId).trim();
    const pageMax = CAPABILITIES[marketplace].paging.chatsMax;
    if (pageMax !== null && Number.isFinite(limit)) options.limit = Math.min(limit, pageMax);
    const out: INodeExecutionData[] = [];
    for await (const chat of client.iterateChats(options)) {
      out.push({ json: toJson(chat) });
      if (out.length >= limit) break;
    }
    return out;
  },
};
