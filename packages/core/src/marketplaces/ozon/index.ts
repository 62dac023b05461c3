export { ozonAuthenticate } from './auth.js';
export { OZON_SEND_WINDOWS, ozonCapabilities } from './capabilities.js';
export { createOzonClient, type OzonClient, type OzonClientOptions } from './client.js';
export { OZON_BASE_URLS, type OzonCredentials } from './credentials.js';
export { type OzonRpcStatus, ozonMapError, parseOzonRpcStatus } from './errors.js';
export { mapOzonChat, mapOzonChatKind, mapOzonStatus } from './map-chat.js';
export { mapOzonMessage, splitOzonData } from './map-message.js';
export {
  answerOzonPush,
  type OzonNotification,
  type OzonPushErrorCode,
  type OzonPushIdentity,
  type OzonPushParse,
  type OzonPushUser,
  ozonPushErrorReply,
  ozonPushSuccessReply,
  type PushReply as OzonPushReply,
  parseOzonNotification,
} from './push.js';
export { mapOzonUserType, normaliseOzonUserType } from './user-type.js';
