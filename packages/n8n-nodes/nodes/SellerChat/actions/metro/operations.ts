import type { MetroClient, MetroLanguage } from '@sellerchat/core';
import { toJson } from '../../helpers/json.js';
import { field } from '../common-fields.js';
import { stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

const isMetro = (caps: { marketplace: string }) => caps.marketplace === 'metro';

const language = field({
  displayName: 'Language',
  name: 'language',
  type: 'options',
  options: ['de', 'en', 'es', 'fr', 'hr', 'it', 'nl', 'pt'].map((l) => ({ name: l.toUpperCase(), value: l })),
  default: 'en',
  description: 'Language of the category names',
});

export const metroGetCategories: OperationDef = {
  resource: 'metro',
  value: 'getCategories',
  name: 'Get Chat Categories',
  action: 'Get the chat categories',
  description: 'The tree of chat categories; a leaf (no children) is what starting a chat needs',
  supports: isMetro,
  fields: [language],
  async execute({ fn, client, itemIndex }) {
    const categories = await (client as MetroClient).listCategories({
      language: stringParam(fn, 'language', itemIndex, 'en') as MetroLanguage,
    });
    return categories.map((category) => ({ json: toJson(category) }));
  },
};

export const metroGetSubjects: OperationDef = {
  resource: 'metro',
  value: 'getSubjects',
  name: 'Get Chat Subjects',
  action: 'Get the chat subjects',
  description: 'The legacy subjects tree (SELLER and BUYER), replaced by categories',
  supports: isMetro,
  fields: [],
  async execute({ client }) {
    return [{ json: toJson(await (client as MetroClient).listSubjects()) }];
  },
};

export const metroEmailsExist: OperationDef = {
  resource: 'metro',
  value: 'emailsExist',
  name: 'Check E-Mails Exist',
  action: 'Check whether e-mails exist for an order',
  description: 'Whether an e-mail conversation already exists for an order number',
  supports: isMetro,
  fields: [
    field({
      displayName: 'Order Number',
      name: 'orderNumber',
      type: 'string',
      required: true,
      default: '',
      placeholder: 'O25-568200129071',
      description: 'The order number (not the order ID)',
    }),
  ],
  async execute({ fn, client, itemIndex }) {
    const orderNumber = stringParam(fn, 'orderNumber', itemIndex);
    return [{ json: { orderNumber, exist: await (client as MetroClient).emailsExist(orderNumber) } }];
  },
};
