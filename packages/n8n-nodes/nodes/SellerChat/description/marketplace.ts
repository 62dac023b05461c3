import { MARKETPLACE_NAMES, MARKETPLACES } from '@sellerchat/core';
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_TYPES } from '../transport/credential-types.js';

export const marketplaceProperty: INodeProperties = {
  displayName: 'Marketplace',
  name: 'marketplace',
  type: 'options',
  noDataExpression: true,
  options: MARKETPLACES.map((m) => ({ name: MARKETPLACE_NAMES[m], value: m })).sort((a, b) =>
    a.name.localeCompare(b.name),
  ),
  default: 'metro',
  description: 'The marketplace whose buyer chats to work with; what it cannot do is hidden below',
};

/** One credential per marketplace, shown for that marketplace only. */
export const marketplaceCredentials: INodeCredentialDescription[] = MARKETPLACES.map((m) => ({
  name: CREDENTIAL_TYPES[m],
  required: true,
  displayOptions: { show: { marketplace: [m] } },
}));
