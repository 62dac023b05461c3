import type { Message } from '@sellerchat/core';
import { messageItem } from '../../helpers/binary.js';
import { chatIdField, downloadFields, field } from '../common-fields.js';
import { downloadOption, stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

interface WithGetMessage {
  getMessage(chatId: string, messageId: string): Promise<Message>;
}

export const messageGet: OperationDef = {
  resource: 'message',
  value: 'get',
  name: 'Get',
  action: 'Get a message',
  description: 'Get one message of a chat by its ID, e.g. the message a notification pointed at',
  supports: (caps) => caps.getMessage,
  fields: [
    chatIdField,
    field({
      displayName: 'Message ID',
      name: 'messageId',
      type: 'string',
      required: true,
      default: '',
      description: "The message's ID as the marketplace gives it",
    }),
    ...downloadFields,
  ],
  async execute({ fn, client, caps, itemIndex }) {
    const chatId = stringParam(fn, 'chatId', itemIndex);
    const messageId = stringParam(fn, 'messageId', itemIndex);
    const message = await (client as unknown as WithGetMessage).getMessage(chatId, messageId);
    const download = caps.attachments === null ? undefined : downloadOption(fn, itemIndex);
    return [await messageItem(fn, client, message, download)];
  },
};
