import {
  assertSupported,
  type Capabilities,
  type MarketplaceClient,
  type MetroClient,
  type MetroUploadedFile,
  type SendResult,
  ValidationError,
  validateAttachments,
} from '@sellerchat/core';
import { defaultFileName, readFiles } from './files.js';
import type { NodeDef, NodeMessage } from './red.js';
import { withResult } from './reply-context.js';
import { planSend, textOf } from './send-plan.js';
import { resolveChat } from './target.js';

export interface UploadConfig extends NodeDef {
  account?: string;
  chat?: string;
  /** Metro only: 'send' (upload, then attach to a message: both steps) or 'upload' (step one only). */
  mode?: string;
  /** Metro 'upload': the order the files belong to; empty takes the chat's order. */
  orderId?: string;
  caption?: string;
}

function id(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The files in msg.payload into a chat. Metro takes files in two steps, upload to the order and
 * attach to a message: 'send' does both, 'upload' only the first and outputs the file ids.
 * Yandex and Ozon send each file as a message of its own; Storeden takes no files.
 */
export async function uploadFiles(
  caps: Capabilities,
  clientOf: () => MarketplaceClient,
  config: UploadConfig,
  msg: NodeMessage,
): Promise<NodeMessage> {
  assertSupported(caps, 'sendFile');
  const files = await readFiles(caps, msg.payload, 'msg.payload', defaultFileName(msg));
  if (files.length === 0) {
    throw new ValidationError(
      `${caps.displayName}: msg.payload holds no file (a Buffer, a path or a list of them)`,
      {
        marketplace: caps.marketplace,
        field: 'msg.payload',
        limit: 'at least 1 file',
      },
    );
  }
  const caption = textOf(caps, msg.caption ?? config.caption, 'caption');
  if (caps.sendFile === 'upload-then-attach' && config.mode === 'upload') {
    const checked = validateAttachments(caps, files, 'msg.payload');
    const client = clientOf() as MetroClient;
    let orderId = id(msg.orderId) ?? id(config.orderId);
    let chatId: string | undefined;
    if (!orderId) {
      chatId = resolveChat(caps, config.chat, msg);
      orderId = (await client.getChat(chatId)).context.orderId;
      if (!orderId) {
        throw new ValidationError(
          `${caps.displayName}: chat ${chatId} names no order to upload to; set Order`,
          {
            marketplace: caps.marketplace,
            field: 'orderId',
            limit: 'an order id',
          },
        );
      }
    }
    const uploaded: MetroUploadedFile[] = [];
    for (const file of checked) uploaded.push(await client.uploadFile(orderId, file));
    msg.payload = uploaded;
    const extra = { uploaded: { orderId, files: uploaded } };
    if (chatId) return withResult(msg, caps.marketplace, chatId, extra);
    msg.sellerchat = {
      ...(typeof msg.sellerchat === 'object' && msg.sellerchat !== null ? msg.sellerchat : {}),
      ...extra,
    };
    return msg;
  }
  const chatId = resolveChat(caps, config.chat, msg);
  const calls = planSend(caps, caption, files, { text: 'caption', files: 'msg.payload' });
  const client = clientOf();
  const sent: SendResult[] = [];
  for (const call of calls) sent.push(await call(client, chatId));
  return withResult(msg, caps.marketplace, chatId, { sent });
}
