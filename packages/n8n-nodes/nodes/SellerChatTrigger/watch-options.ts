import { CAPABILITIES, type ChatKind, MARKETPLACES, type WatcherOptions } from '@sellerchat/core';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { n8nRuntime } from '../SellerChat/transport/runtime.js';

const KIND_NAMES: Record<ChatKind, string> = {
  direct: 'Direct (Started by the Buyer)',
  order: 'Order',
  return: 'Return',
  support: 'Marketplace Support',
};

export const eventProperty: INodeProperties = {
  displayName: 'Trigger On',
  name: 'event',
  type: 'options',
  options: [
    { name: 'New Chat', value: 'chats', description: 'A chat the watcher has not seen before' },
    {
      name: 'New Message',
      value: 'messages',
      description: 'A new message in any chat (by default only messages from buyers)',
    },
    { name: 'New Message or New Chat', value: 'both' },
  ],
  default: 'messages',
};

/** One chat-kinds list per marketplace with more than one kind: the kinds come from its capabilities. */
export const chatKindsProperties: INodeProperties[] = MARKETPLACES.filter(
  (m) => CAPABILITIES[m].chatKinds.length > 1,
).map((m) => ({
  displayName: 'Chat Kinds',
  name: 'chatKinds',
  type: 'multiOptions',
  displayOptions: { show: { marketplace: [m] } },
  options: CAPABILITIES[m].chatKinds
    .map((kind) => ({ name: KIND_NAMES[kind], value: kind }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  default: [],
  description: 'Only chats of these kinds. None selected: every kind.',
}));

export const senderOptionsProperty: INodeProperties = {
  displayName: 'Options',
  name: 'options',
  type: 'collection',
  placeholder: 'Add Option',
  default: {},
  options: [
    {
      displayName: 'Include Marketplace Messages',
      name: 'includeMarketplaceMessages',
      type: 'boolean',
      default: false,
      description: "Whether to trigger on the marketplace's automatic messages too",
    },
    {
      displayName: 'Include Seller Messages',
      name: 'includeSellerMessages',
      type: 'boolean',
      default: false,
      description:
        "Whether to trigger on the seller's own messages too (sent from the cabinet or another tool)",
    },
    {
      displayName: 'Include Support Messages',
      name: 'includeSupportMessages',
      type: 'boolean',
      default: false,
      description: "Whether to trigger on messages from the marketplace's support staff too",
    },
    {
      displayName: 'Max Deliveries',
      name: 'maxDeliveries',
      type: 'number',
      typeOptions: { minValue: 2, maxValue: 10, numberPrecision: 0 },
      default: 3,
      description:
        'With redelivery on: how many times in all (the first included) an unanswered buyer message starts the workflow before it is dropped',
    },
    {
      displayName: 'Redeliver Unanswered After (Seconds)',
      name: 'redeliverAfter',
      type: 'number',
      typeOptions: { minValue: 0, maxValue: 86400, numberPrecision: 0 },
      default: 0,
      description:
        'For auto-reply workflows: a buyer message that no seller message has followed this long after it started the workflow starts it again (same ID, redelivered: true), so a reply lost to a crash or restart is still sent. Up to Max Deliveries times; a workflow that never replies gets every message that many times. 0 is off.',
    },
  ],
};

/** The core watcher's options from the trigger's parameters; by default buyer messages only. */
export function watcherOptions(get: (name: string, fallback: unknown) => unknown): WatcherOptions {
  const options: WatcherOptions = { events: get('event', 'messages') as WatcherOptions['events'] };
  const kinds = get('chatKinds', []) as ChatKind[];
  if (Array.isArray(kinds) && kinds.length > 0) options.chatKinds = kinds;
  const extra = (get('options', {}) ?? {}) as IDataObject;
  if (extra.includeSellerMessages === true) options.includeSellerMessages = true;
  if (extra.includeMarketplaceMessages === true) options.includeMarketplaceMessages = true;
  if (extra.includeSupportMessages === true) options.includeSupportMessages = true;
  const after = Number(extra.redeliverAfter ?? 0);
  if (after !== 0) {
    // The core checks both numbers and names the field when they are out of range.
    options.redeliver = { afterMs: Math.round(after * 1000), maxAttempts: Number(extra.maxDeliveries ?? 3) };
    // Due times are host time by nature; positions still come from the marketplace.
    options.clock = n8nRuntime.clock;
  }
  return options;
}
