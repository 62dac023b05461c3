import type { Attachment, FileUpload, MarketplaceClient, Message } from '@sellerchat/core';
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { toJson } from './json.js';

type BinaryContext = Pick<IExecuteFunctions, 'helpers' | 'getNode'>;

/** The comma-separated binary property names of a parameter, in order. */
export function binaryNames(value: unknown): string[] {
  return String(value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** A file the seller sends, from an n8n binary property of the input item. */
export async function readUpload(
  fn: BinaryContext,
  itemIndex: number,
  propertyName: string,
  fileName?: string,
): Promise<FileUpload> {
  const binary = fn.helpers.assertBinaryData(itemIndex, propertyName);
  const data = await fn.helpers.getBinaryDataBuffer(itemIndex, propertyName);
  const name =
    fileName?.trim() ||
    binary.fileName ||
    `${propertyName}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
  return {
    name,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    mimeType: binary.mimeType,
  };
}

/**
 * The message as an item, each attachment's bytes in a binary property (`<prefix><n>`, counted
 * from 0 across the message); each attachment's JSON names its property.
 */
export async function messageItem(
  fn: BinaryContext,
  client: MarketplaceClient,
  message: Message,
  download: { prefix: string } | undefined,
): Promise<INodeExecutionData> {
  const json = toJson(message);
  if (!download || message.attachments.length === 0) return { json };
  if (typeof client.downloadAttachment !== 'function') {
    throw new NodeOperationError(
      fn.getNode(),
      `${client.capabilities.displayName} attachments cannot be downloaded`,
    );
  }
  const binary: IBinaryKeyData = {};
  const attachments = json.attachments as IDataObject[];
  for (const [index, attachment] of message.attachments.entries()) {
    const key = `${download.prefix}${index}`;
    const bytes = await client.downloadAttachment(attachment satisfies Attachment);
    binary[key] = await fn.helpers.prepareBinaryData(
      Buffer.from(bytes),
      attachment.name,
      attachment.mimeType,
    );
    if (attachments[index]) attachments[index].binaryProperty = key;
  }
  return { json, binary };
}
