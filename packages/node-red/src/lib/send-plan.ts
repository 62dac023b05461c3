import {
  assertSupported,
  type Capabilities,
  type FileUpload,
  type MarketplaceClient,
  type SendResult,
  ValidationError,
  validateAttachments,
  validateText,
} from '@sellerchat/core';

/** The text of msg.payload: a string, or nothing (undefined, null, ''). */
export function textOf(caps: Capabilities, value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') {
    throw new ValidationError(`${caps.displayName}: ${field} must be the message text (a string)`, {
      marketplace: caps.marketplace,
      field,
      limit: 'a string',
    });
  }
  return value;
}

/** Whether a msg property holds any file at all (an empty list is none). */
export function hasFiles(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/**
 * Checks a text and files against the marketplace, before any request, and returns the calls
 * that send them: one message with its files where the marketplace attaches files to a text
 * (Metro), else the text and then each file as a message of its own (Yandex, Ozon).
 */
export function planSend(
  caps: Capabilities,
  text: string | undefined,
  files: FileUpload[],
  fields: { text: string; files: string },
): Array<(client: MarketplaceClient, chatId: string) => Promise<SendResult>> {
  if (files.length > 0) assertSupported(caps, 'sendFile');
  if (text !== undefined || files.length === 0) validateText(caps, text ?? '', fields.text);
  if (files.length === 0) return [(client, chatId) => client.sendText(chatId, text!)];
  if (caps.attachmentsWithText) {
    const checked = validateAttachments(caps, files, fields.files);
    // The marketplace needs a text on every message: a file sent alone is captioned with its name.
    const content = text ?? checked.map((f) => f.name).join(', ');
    return [(client, chatId) => client.sendText(chatId, content, { attachments: checked })];
  }
  const checked = files.map(
    (file, i) =>
      validateAttachments(caps, [file], files.length > 1 ? `${fields.files}[${i}]` : fields.files)[0]!,
  );
  const calls: Array<(client: MarketplaceClient, chatId: string) => Promise<SendResult>> = [];
  if (text !== undefined) calls.push((client, chatId) => client.sendText(chatId, text));
  for (const file of checked) calls.push((client, chatId) => client.sendFile(chatId, file));
  return calls;
}
