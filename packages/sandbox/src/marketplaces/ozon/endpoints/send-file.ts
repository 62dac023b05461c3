import { requireWriteRole } from '../auth.js';
import { type Call, ok } from '../call.js';
import { badRequest } from '../errors.js';
import { requiredString } from '../fields.js';
import { requirePremium, requireSendAllowed } from '../rules.js';
import { fileMarkdown, typeOfName } from './file-types.js';
import { chatFromBody } from './find-chat.js';

/**
 * /v1/chat/send/file: base64_content + name. Size and type limits are not documented: we allow
 * images and PDF by the name's extension, up to settings.maxFileBytes decoded (our guesses).
 */
export function sendFile(call: Call) {
  requireWriteRole(call.key);
  requirePremium(call.settings);
  const name = requiredString(call.body, 'name');
  const type = typeOfName(name);
  const content = requiredString(call.body, 'base64_content').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 === 1) {
    throw badRequest('base64_content must be the file encoded as standard base64');
  }
  const data = Buffer.from(content, 'base64');
  const max = call.settings.maxFileBytes;
  if (data.length > max) throw badRequest(`The file is ${data.length} bytes; the limit is ${max} bytes`);
  const chat = chatFromBody(call);
  const now = call.ctx.now();
  requireSendAllowed(chat, call.settings, now);
  const stored = call.ctx.storeFile({ name, mimeType: type.mimeType, data });
  const message = call.store.addMessage(chat, {
    user: { id: call.key.clientId, type: 'seller' },
    data: [fileMarkdown(name, stored.url, type.isImage)],
    isImage: type.isImage,
    at: now,
  });
  message.file = { name, mimeType: type.mimeType, size: data.length, url: stored.url };
  return ok({ result: 'success' });
}
