import type { Call } from '../call.js';
import { chatDto } from '../dto.js';
import { okResult } from '../errors.js';
import { chatFromQuery } from './find-chat.js';

/** GET chat?chatId= */
export function getChat(call: Call) {
  return okResult(chatDto(chatFromQuery(call)));
}
