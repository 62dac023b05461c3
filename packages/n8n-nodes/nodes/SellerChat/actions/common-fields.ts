import type { INodeProperties } from 'n8n-workflow';
import type { FieldDef } from './types.js';

export const chatIdField: FieldDef = {
  property: {
    displayName: 'Chat ID',
    name: 'chatId',
    type: 'string',
    required: true,
    default: '',
    description: "The chat's ID as the marketplace gives it (the trigger's output carries it as chat.ID)",
  },
};

export const returnAllField: FieldDef = {
  property: {
    displayName: 'Return All',
    name: 'returnAll',
    type: 'boolean',
    default: false,
    description: 'Whether to return all results or only up to a given limit',
  },
};

export const limitField: FieldDef = {
  property: {
    displayName: 'Limit',
    name: 'limit',
    type: 'number',
    typeOptions: { minValue: 1 },
    default: 50,
    description: 'Max number of results to return',
    displayOptions: { show: { returnAll: [false] } },
  },
};

export const downloadFields: FieldDef[] = [
  {
    property: {
      displayName: 'Download Attachments',
      name: 'downloadAttachments',
      type: 'boolean',
      default: false,
      description: "Whether to download each message's attachments into binary properties of its item",
    },
    supports: (caps) => caps.attachments !== null,
  },
  {
    property: {
      displayName: 'Binary Property Prefix',
      name: 'binaryPrefix',
      type: 'string',
      default: 'attachment_',
      description: 'Attachments go to binary properties named by this prefix and a number from 0',
      displayOptions: { show: { downloadAttachments: [true] } },
    },
    supports: (caps) => caps.attachments !== null,
  },
];

export function field(property: INodeProperties, supports?: FieldDef['supports']): FieldDef {
  return supports ? { property, supports } : { property };
}
