/** seed:metro-messages: "Message Attachments restrictions" and the supported media types. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
/** 10 MB, which the seed spells out as 10,240 KB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ALLOWED_FILE_TYPES = [
  'image/png',
  'image/jpg',
  'image/jpeg',
  'application/pdf',
  'application/vnd.ms-excel',
  'application/msword',
  'application/vnd.ms-word',
  'text/plain',
] as const;

export function isAllowedFileType(type: string): boolean {
  return (ALLOWED_FILE_TYPES as readonly string[]).includes(type);
}

/** `text/plain; charset=utf-8` -> `text/plain`. */
export function bareMimeType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
