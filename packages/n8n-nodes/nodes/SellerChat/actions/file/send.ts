import { readUpload } from '../../helpers/binary.js';
import { toJson } from '../../helpers/json.js';
import { chatIdField, field } from '../common-fields.js';
import { stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

export const fileSend: OperationDef = {
  resource: 'file',
  value: 'send',
  name: 'Send',
  action: 'Send a file',
  description:
    "Send a file (an n8n binary property) to the buyer in a chat. Size and type limits are checked before sending; Metro uploads it to the chat's order first.",
  supports: (caps) => caps.sendFile !== 'none',
  fields: [
    chatIdField,
    field({
      displayName: 'Input Binary Field',
      name: 'binaryPropertyName',
      type: 'string',
      required: true,
      default: 'data',
      hint: 'The name of the input binary field containing the file to send',
    }),
    field({
      displayName: 'File Name',
      name: 'fileName',
      type: 'string',
      default: '',
      description: "The name the buyer sees. Empty: the binary's own file name.",
    }),
    field(
      {
        displayName: 'Text',
        name: 'text',
        type: 'string',
        default: '',
        description: 'A text sent together with the file',
      },
      (caps) => caps.attachmentsWithText,
    ),
  ],
  async execute({ fn, client, caps, itemIndex }) {
    const chatId = stringParam(fn, 'chatId', itemIndex);
    const file = await readUpload(
      fn,
      itemIndex,
      stringParam(fn, 'binaryPropertyName', itemIndex),
      stringParam(fn, 'fileName', itemIndex),
    );
    const text = caps.attachmentsWithText ? String(fn.getNodeParameter('text', itemIndex, '')) : '';
    const result = await client.sendFile(chatId, file, text ? { text } : undefined);
    return [{ json: { chatId, fileName: file.name, ...toJson(result) } }];
  },
};
