import type { Message } from '@sellerchat/core';
import type { INodeExecutionData } from 'n8n-workflow';
import { messageItem } from '../../helpers/binary.js';
import { chatIdField, downloadFields, field, limitField, returnAllField } from '../common-fields.js';
import { downloadOption, stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

export const messageGetAll: OperationDef = {
  resource: 'message',
  value: 'getAll',
  name: 'Get Many',
  action: 'Get the messages of a chat',
  description:
    "Read a chat's history, oldest first, with each message's sender (buyer, seller, marketplace, support), text and attachments. With a limit, the most recent messages. Use it to understand what the buyer asked before answering.",
  supports: () => true,
  fields: [
    chatIdField,
    returnAllField,
    {
      ...limitField,
      property: {
        ...limitField.property,
        description: 'Max number of messages to return: the most recent ones',
      },
    },
    field({
      displayName: 'After Message ID',
      name: 'afterMessageId',
      type: 'string',
      default: '',
      description: 'Only messages after this one. Empty: the whole history.',
    }),
    ...downloadFields,
  ],
  async execute({ fn, client, caps, itemIndex }) {
    const chatId = stringParam(fn, 'chatId', itemIndex);
    const returnAll = fn.getNodeParameter('returnAll', itemIndex, false) as boolean;
    const limit = returnAll
      ? Number.POSITIVE_INFINITY
      : (fn.getNodeParameter('limit', itemIndex, 50) as number);
    const after = stringParam(fn, 'afterMessageId', itemIndex);
    // The history comes oldest first; with a limit, keep the newest `limit` of it.
    let messages: Message[] = [];
    for await (const message of client.iterateMessages(chatId, after ? { afterMessageId: after } : {})) {
      messages.push(message);
      if (messages.length > limit * 2) messages = messages.slice(-limit);
    }
    if (Number.isFinite(limit)) messages = messages.slice(-limit);
    const download = caps.attachments === null ? undefined : downloadOption(fn, itemIndex);
    const out: INodeExecutionData[] = [];
    for (const message of messages) out.push(await messageItem(fn, client, message, download));
    return out;
  },
};
