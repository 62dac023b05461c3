export { yandexAuthenticate } from './auth.js';
export { yandexCapabilities } from './capabilities.js';
export { createYandexClient, type YandexClient, type YandexClientOptions } from './client.js';
export { YANDEX_BASE_URLS, type YandexCredentials } from './credentials.js';
export { yandexMapError } from './errors.js';
export { mapYandexChat, mapYandexStatus, YANDEX_STATUSES_OF } from './map-chat.js';
export { mapYandexMessage, mapYandexSender } from './map-message.js';
export {
  answerYandexPush,
  type PushReply as YandexPushReply,
  parseYandexNotification,
  type YandexNotification,
  type YandexPushErrorType,
  type YandexPushIdentity,
  type YandexPushParse,
  yandexPushErrorReply,
  yandexPushSuccessReply,
} from './push.js';
