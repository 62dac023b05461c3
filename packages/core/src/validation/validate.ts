import { NotSupportedError, ValidationError } from '../errors/errors.js';
import type { FileUpload } from '../model/attachment.js';
import type { Capabilities } from '../model/capabilities.js';
import { mimeTypeFromName, normaliseMimeType } from './mime.js';

const MIB = 1024 * 1024;

/** Sizes as marketplaces state them: binary megabytes ("10 MB" = 10,485,760 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Number((bytes / MIB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Checks a message text against `caps.text` and returns it. Length is counted in UTF-16 code
 * units (JavaScript's `length`): an emoji counts as 2, the stricter of the usual counts, so a
 * text that passes here is not refused for length by the marketplace.
 */
export function validateText(caps: Capabilities, text: unknown, field = 'text'): string {
  const where = { marketplace: caps.marketplace, field };
  const name = caps.displayName;
  if (typeof text !== 'string') {
    const got = text === null ? 'null' : typeof text;
    throw new ValidationError(`${name}: ${field} must be a string (got ${got})`, {
      ...where,
      limit: 'a string',
    });
  }
  const { minLength, maxLength } = caps.text;
  if (text.trim().length < minLength) {
    const limit = `at least ${plural(minLength, 'character', 'characters')}`;
    const what = text.trim() === '' ? 'empty' : `${plural(text.trim().length, 'character', 'characters')}`;
    throw new ValidationError(
      `${name}: ${field} is ${what}; ${limit} ${minLength === 1 ? 'is' : 'are'} required`,
      {
        ...where,
        limit,
      },
    );
  }
  if (maxLength !== null && text.length > maxLength) {
    const limit = plural(maxLength, 'character', 'characters');
    throw new ValidationError(`${name}: ${field} is ${text.length} characters; the limit is ${limit}`, {
      ...where,
      limit,
    });
  }
  return text;
}

/**
 * Checks files against `caps.attachments` (count, size, MIME type) and returns them with a
 * MIME type filled in (from the file name when missing). A marketplace that takes no files
 * gets a NotSupportedError.
 */
export function validateAttachments(caps: Capabilities, files: unknown, field = 'attachments'): FileUpload[] {
  const name = caps.displayName;
  const rules = caps.attachments;
  if (rules === null || caps.sendFile === 'none') {
    throw new NotSupportedError(`${name} does not accept files in chats`, {
      marketplace: caps.marketplace,
      operation: 'sendFile',
    });
  }
  const where = { marketplace: caps.marketplace, field };
  if (!Array.isArray(files)) {
    throw new ValidationError(`${name}: ${field} must be a list of files`, { ...where, limit: 'a list' });
  }
  if (files.length > rules.maxCount) {
    const limit = plural(rules.maxCount, 'file', 'files');
    throw new ValidationError(`${name}: ${field} has ${files.length} files; the limit is ${limit}`, {
      ...where,
      limit,
    });
  }
  return files.map((file: unknown, i) => validateFile(caps, file, `${field}[${i}]`));
}

function validateFile(caps: Capabilities, value: unknown, field: string): FileUpload {
  const rules = caps.attachments!;
  const name = caps.displayName;
  const where = { marketplace: caps.marketplace, field };
  const file = value as Partial<FileUpload> | null;
  if (typeof file !== 'object' || file === null || !(file.data instanceof Uint8Array)) {
    throw new ValidationError(`${name}: ${field} must be a file with its bytes in \`data\``, {
      ...where,
      limit: '{ name, data: Uint8Array, mimeType? }',
    });
  }
  if (typeof file.name !== 'string' || file.name.trim() === '') {
    throw new ValidationError(`${name}: ${field} has no file name`, {
      ...where,
      field: `${field}.name`,
      limit: 'a file name',
    });
  }
  const label = `${field} (${file.name})`;
  const size = file.data.byteLength;
  if (size === 0) {
    throw new ValidationError(`${name}: ${label} is empty`, { ...where, limit: 'at least 1 byte' });
  }
  if (rules.maxSize !== null && size > rules.maxSize) {
    let shown = formatBytes(size);
    let limit = formatBytes(rules.maxSize);
    if (shown === limit) {
      shown = `${size} bytes`;
      limit = `${limit} (${rules.maxSize} bytes)`;
    }
    throw new ValidationError(`${name}: ${label} is ${shown}; the limit is ${limit}`, { ...where, limit });
  }
  const mimeType = normaliseMimeType(file.mimeType) ?? mimeTypeFromName(file.name);
  if (rules.mimeTypes !== null && (mimeType === undefined || !rules.mimeTypes.includes(mimeType))) {
    const limit = `one of ${rules.mimeTypes.join(', ')}`;
    const got = mimeType === undefined ? 'an unknown type' : `type ${mimeType}`;
    throw new ValidationError(
      `${name}: ${label} has ${got}; allowed types are ${rules.mimeTypes.join(', ')}`,
      {
        ...where,
        limit,
      },
    );
  }
  return { name: file.name, data: file.data, mimeType: mimeType ?? 'application/octet-stream' };
}

/** Operations a marketplace may lack, as named in the capabilities descriptor. */
export type OptionalOperation =
  | 'getChat'
  | 'getMessage'
  | 'sendFile'
  | 'markRead'
  | 'startChat'
  | 'listUnseen'
  | 'push'
  | 'incrementalHistory'
  | 'attachmentsWithText';

const WHAT: Record<OptionalOperation, string> = {
  getChat: 'fetch a single chat',
  getMessage: 'fetch a single message',
  sendFile: 'send files',
  markRead: 'mark messages as read',
  startChat: 'start a chat',
  listUnseen: 'list unseen chats',
  push: 'push notifications',
  incrementalHistory: 'read history from a given message',
  attachmentsWithText: 'send files together with a text',
};

export function isSupported(caps: Capabilities, operation: OptionalOperation): boolean {
  switch (operation) {
    case 'sendFile':
      return caps.sendFile !== 'none' && caps.attachments !== null;
    case 'markRead':
      return caps.markRead !== 'none';
    case 'startChat':
      return caps.startChat !== 'none';
    default:
      return caps[operation] === true;
  }
}

/** Throws NotSupportedError when the descriptor says the marketplace cannot do `operation`. */
export function assertSupported(caps: Capabilities, operation: OptionalOperation): void {
  if (isSupported(caps, operation)) return;
  const verb = operation === 'push' ? 'does not offer' : 'cannot';
  throw new NotSupportedError(
    `${caps.displayName} ${verb} ${WHAT[operation]} (${operation} is not supported)`,
    {
      marketplace: caps.marketplace,
      operation,
    },
  );
}
