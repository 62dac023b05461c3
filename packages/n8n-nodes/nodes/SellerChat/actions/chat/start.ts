import type { MetroLanguage, StartChatInput } from '@sellerchat/core';

type MetroStartChatInput = StartChatInput & { language?: MetroLanguage };

import { toJson } from '../../helpers/json.js';
import { field } from '../common-fields.js';
import { stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

const byOrder = field(
  {
    displayName: 'Order ID',
    name: 'orderId',
    type: 'string',
    required: true,
    default: '',
    description: "The order's ID (Metro: the order UUID, not the order number)",
  },
  (caps) => caps.startChat === 'order',
);

const startFor = field(
  {
    displayName: 'Start For',
    name: 'startFor',
    type: 'options',
    options: [
      { name: 'Order', value: 'order' },
      { name: 'Return', value: 'return' },
    ],
    default: 'order',
    description: 'Whether the chat is about an order or a return',
  },
  (caps) => caps.startChat === 'order-or-return',
);

const orderOrReturnOrder = field(
  {
    displayName: 'Order ID',
    name: 'orderId',
    type: 'string',
    required: true,
    default: '',
    displayOptions: { show: { startFor: ['order'] } },
    description: "The order's ID",
  },
  (caps) => caps.startChat === 'order-or-return',
);

const orderOrReturnReturn = field(
  {
    displayName: 'Return ID',
    name: 'returnId',
    type: 'string',
    required: true,
    default: '',
    displayOptions: { show: { startFor: ['return'] } },
    description: "The return's ID",
  },
  (caps) => caps.startChat === 'order-or-return',
);

const posting = field(
  {
    displayName: 'Posting Number',
    name: 'postingNumber',
    type: 'string',
    required: true,
    default: '',
    description: 'The posting number of an FBS or rFBS order',
  },
  (caps) => caps.startChat === 'posting',
);

// Metro starts a chat with a chat category (a leaf of Metro → Get Chat Categories) or a legacy subject.
const metroCategory = field(
  {
    displayName: 'Category ID',
    name: 'categoryId',
    type: 'string',
    default: '',
    description:
      'A leaf chat category (see Metro → Get Chat Categories). Leave empty to use a subject instead.',
  },
  (caps) => caps.startChat === 'order',
);

const metroOptions = field(
  {
    displayName: 'Options',
    name: 'startOptions',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    options: [
      {
        displayName: 'Custom Subject',
        name: 'customSubject',
        type: 'string',
        default: '',
        description: 'The subject text, for a subject that takes a custom one (OTHERS)',
      },
      {
        displayName: 'Language',
        name: 'language',
        type: 'options',
        options: ['de', 'en', 'es', 'fr', 'hr', 'it', 'nl', 'pt'].map((l) => ({
          name: l.toUpperCase(),
          value: l,
        })),
        default: 'en',
        description: 'Language of the category names in the answer',
      },
      {
        displayName: 'Subject',
        name: 'subject',
        type: 'string',
        default: '',
        description:
          'A legacy SELLER subject leaf (see Metro → Get Chat Subjects), used when no category is given',
      },
    ],
  },
  (caps) => caps.startChat === 'order',
);

export const chatStart: OperationDef = {
  resource: 'chat',
  value: 'start',
  name: 'Start',
  action: 'Start a chat',
  description:
    'Open a chat with the buyer of an order (Yandex: also of a return; Ozon: by posting number). Returns the chat to send messages to.',
  supports: (caps) => caps.startChat !== 'none',
  fields: [byOrder, startFor, orderOrReturnOrder, orderOrReturnReturn, posting, metroCategory, metroOptions],
  async execute({ fn, client, caps, itemIndex }) {
    const input: MetroStartChatInput = {};
    const text = (name: string) => stringParam(fn, name, itemIndex);
    if (caps.startChat === 'order') {
      input.orderId = text('orderId');
      const categoryId = text('categoryId');
      if (categoryId) input.categoryId = categoryId;
      const options = fn.getNodeParameter('startOptions', itemIndex, {}) as Record<string, string>;
      if (options.subject?.trim()) input.subject = options.subject.trim();
      if (options.customSubject?.trim()) input.customSubject = options.customSubject.trim();
      if (options.language) input.language = options.language as MetroStartChatInput['language'];
    } else if (caps.startChat === 'order-or-return') {
      if (text('startFor') === 'return') input.returnId = text('returnId');
      else input.orderId = text('orderId');
    } else {
      input.postingNumber = text('postingNumber');
    }
    return [{ json: toJson(await client.startChat(input)) }];
  },
};
