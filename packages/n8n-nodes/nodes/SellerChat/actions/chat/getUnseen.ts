import type { MetroClient } from '@sellerchat/core';
import { toJson } from '../../helpers/json.js';
import type { OperationDef } from '../types.js';

export const chatGetUnseen: OperationDef = {
  resource: 'chat',
  value: 'getUnseen',
  name: 'Get Unseen',
  action: 'Get chats with unseen messages',
  description:
    'List every chat holding buyer messages the seller has not seen yet, to find who is waiting for an answer',
  supports: (caps) => caps.listUnseen,
  fields: [],
  async execute({ client, marketplace }) {
    if (marketplace === 'metro') {
      const { chats } = await (client as MetroClient).listUnseen();
      return chats.map((chat) => ({ json: toJson(chat) }));
    }
    const out = [];
    for await (const chat of client.iterateChats({ unreadOnly: true })) out.push({ json: toJson(chat) });
    return out;
  },
};
