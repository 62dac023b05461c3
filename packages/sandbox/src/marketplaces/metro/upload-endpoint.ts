import type { SandboxRequest, SandboxResponse } from '../../types.js';
import {
  ALLOWED_FILE_TYPES,
  bareMimeType,
  isAllowedFileType,
  MAX_ATTACHMENT_BYTES,
} from './attachment-rules.js';
import type { MetroEnv } from './env.js';
import { invalid, MetroError, notFound, success } from './envelope.js';
import { uuidFrom } from './ids.js';
import { boundaryOf, MultipartError, parseMultipart } from './multipart.js';

/** POST /openapi/v1/orders/{orderId}/upload-file: multipart field `file` (seed:metro-messages). */
export function uploadFile(env: MetroEnv, req: SandboxRequest, orderId: string): SandboxResponse {
  if (!env.store.orders.has(orderId)) throw notFound(`Order [${orderId}]`);
  const boundary = boundaryOf(req.headers['content-type'] ?? '');
  if (boundary === undefined) {
    throw invalid('file', 'is required: send multipart/form-data with the file in a part named "file"');
  }
  let parts: ReturnType<typeof parseMultipart>;
  try {
    parts = parseMultipart(req.rawBody, boundary);
  } catch (error) {
    if (error instanceof MultipartError) throw new MetroError(400, `Metro Markets: ${error.message}`);
    throw error;
  }
  const file = parts.find((p) => p.name === 'file' && p.filename !== undefined);
  if (!file) throw invalid('file', 'is required: no multipart part named "file" with a filename');
  if (file.data.length > MAX_ATTACHMENT_BYTES) {
    throw invalid('file', `is ${file.data.length} bytes; the limit is 10 MB (${MAX_ATTACHMENT_BYTES} bytes)`);
  }
  const fileType = bareMimeType(file.contentType ?? '');
  if (!isAllowedFileType(fileType)) {
    throw invalid(
      'file',
      `type '${fileType || 'none'}' is not allowed (allowed: ${ALLOWED_FILE_TYPES.join(', ')})`,
    );
  }
  const fileName = file.filename ?? 'file';
  const stored = env.ctx.storeFile({ name: fileName, mimeType: fileType, data: file.data });
  const fileId = `files/${env.store.organization.id}/${orderId}/${uuidFrom(env.ctx.random)}`;
  env.store.files.set(fileId, {
    fileId,
    fileName,
    fileType,
    size: file.data.length,
    orderId,
    url: stored.url,
  });
  return success(201, 'File uploaded successfully.', { fileId, fileName, fileType });
}
