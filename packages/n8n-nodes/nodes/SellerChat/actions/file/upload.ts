import type { MetroClient } from '@sellerchat/core';
import { readUpload } from '../../helpers/binary.js';
import { toJson } from '../../helpers/json.js';
import { field } from '../common-fields.js';
import { stringParam } from '../read-params.js';
import type { OperationDef } from '../types.js';

export const fileUpload: OperationDef = {
  resource: 'file',
  value: 'upload',
  name: 'Upload',
  action: 'Upload a file to an order',
  description:
    "Upload a file to an order without sending it (Metro's first step). The returned file ID can be attached to a message later.",
  supports: (caps) => caps.sendFile === 'upload-then-attach',
  fields: [
    field({
      displayName: 'Order ID',
      name: 'orderId',
      type: 'string',
      required: true,
      default: '',
      description: "The order's ID (the order UUID)",
    }),
    field({
      displayName: 'Input Binary Field',
      name: 'binaryPropertyName',
      type: 'string',
      required: true,
      default: 'data',
      hint: 'The name of the input binary field containing the file to upload',
    }),
    field({
      displayName: 'File Name',
      name: 'fileName',
      type: 'string',
      default: '',
      description: "The file's name. Empty: the binary's own file name.",
    }),
  ],
  async execute({ fn, client, itemIndex }) {
    const orderId = stringParam(fn, 'orderId', itemIndex);
    const file = await readUpload(
      fn,
      itemIndex,
      stringParam(fn, 'binaryPropertyName', itemIndex),
      stringParam(fn, 'fileName', itemIndex),
    );
    return [{ json: { orderId, ...toJson(await (client as MetroClient).uploadFile(orderId, file)) } }];
  },
};
