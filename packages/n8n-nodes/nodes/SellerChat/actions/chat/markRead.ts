import { toJson } from '../../helpers/json.js';
import { chatIdField, field } from '../common-fields.js';
import { stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

export const chatMarkRead: OperationDef = {
  resource: 'chat',
  value: 'markRead',
  name: 'Mark as Read',
  action: 'Mark a chat as read',
  description:
    "Mark the buyer's messages in a chat as read, so the marketplace stops counting them as waiting",
  supports: (caps) => caps.markRead !== 'none',
  fields: [
    chatIdField,
    field(
      {
        displayName: 'Up to Message ID',
        name: 'upToMessageId',
        type: 'string',
        default: '',
        description: 'Marks this message and every earlier one as read. Empty: the whole chat.',
      },
      (caps) => caps.markRead === 'explicit',
    ),
  ],
  async execute({ fn, client, caps, itemIndex }) {
    const chatId = stringParam(fn, 'chatId', itemIndex);
    const upTo = caps.markRead === 'explicit' ? stringParam(fn, 'upToMessageId', itemIndex) : '';
    const result = await client.markRead(chatId, upTo || undefined);
    return [{ json: { chatId, marked: true, ...toJson(result) } }];
  },
};
