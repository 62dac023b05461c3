import { toJson } from '../../helpers/json.js';
import { chatIdField } from '../common-fields.js';
import { stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

export const chatGet: OperationDef = {
  resource: 'chat',
  value: 'get',
  name: 'Get',
  action: 'Get a chat',
  description: 'Get one chat by ID: its status, buyer, order context and the time of its last message',
  supports: (caps) => caps.getChat,
  fields: [chatIdField],
  async execute({ fn, client, itemIndex }) {
    return [{ json: toJson(await client.getChat(stringParam(fn, 'chatId', itemIndex))) }];
  },
};
