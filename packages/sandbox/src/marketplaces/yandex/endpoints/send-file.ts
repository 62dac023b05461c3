import type { Call } from '../call.js';
import { okEmpty, YandexHttpError } from '../errors.js';
import { multipartFile } from '../request.js';
import { writableChat } from './find-chat.js';

/** POST chats/file/send?chatId= with multipart field `file`, at most 5 MB. */
export async function sendFileToChat(call: Call) {
  const chat = writableChat(call);
  const file = await multipartFile(call.req);
  const max = call.settings.maxFileBytes;
  if (file.data.length > max) {
    throw new YandexHttpError(400, `file is ${file.data.length} bytes; the limit is ${max} bytes (5 MB)`);
  }
  if (file.data.length === 0) throw new YandexHttpError(400, 'file is empty');
  const stored = call.ctx.storeFile(file);
  call.store.addMessage(chat, {
    sender: 'PARTNER',
    payload: [{ name: file.name, url: stored.url, size: file.data.length, mimeType: file.mimeType }],
    at: call.ctx.now(),
  });
  return okEmpty();
}
