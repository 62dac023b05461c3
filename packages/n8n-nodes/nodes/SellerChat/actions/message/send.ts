import type { FileUpload } from '@sellerchat/core';
import { binaryNames, readUpload } from '../../helpers/binary.js';
import { toJson } from '../../helpers/json.js';
import { chatIdField, field } from '../common-fields.js';
import { stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

export const messageSend: OperationDef = {
  resource: 'message',
  value: 'send',
  name: 'Send',
  action: 'Send a message',
  description:
    'Send a text message to the buyer in a chat (the answer to their question). Metro can attach files from binary properties. Length limits are checked before sending.',
  supports: (caps) => caps.sendText,
  fields: [
    chatIdField,
    field({
      displayName: 'Text',
      name: 'text',
      type: 'string',
      typeOptions: { rows: 4 },
      required: true,
      default: '',
      description: 'The message to the buyer',
    }),
    field(
      {
        displayName: 'Attachments (Binary Properties)',
        name: 'attachmentProperties',
        type: 'string',
        default: '',
        placeholder: 'data, invoice',
        description: 'Comma-separated names of binary properties of the input item to attach to the message',
      },
      (caps) => caps.attachmentsWithText,
    ),
  ],
  async execute({ fn, client, caps, itemIndex }) {
    const chatId = stringParam(fn, 'chatId', itemIndex);
    const text = String(fn.getNodeParameter('text', itemIndex, ''));
    const attachments: FileUpload[] = [];
    if (caps.attachmentsWithText) {
      for (const name of binaryNames(fn.getNodeParameter('attachmentProperties', itemIndex, ''))) {
        attachments.push(await readUpload(fn, itemIndex, name));
      }
    }
    const result = await client.sendText(chatId, text, attachments.length > 0 ? { attachments } : undefined);
    return [{ json: { chatId, ...toJson(result) } }];
  },
};
