// @sellerchat/core: the public API of the main entry. Every export is named here on purpose:
// this entry is bundled into the n8n package, so it must stay free of I/O (see test/main-entry.test.ts).

// Errors
export {
  AuthError,
  ConflictError,
  type ErrorDetails,
  type ErrorKind,
  isSellerChatError,
  MarketplaceError,
  NetworkError,
  NotFoundError,
  NotSupportedError,
  PermissionError,
  RateLimitError,
  SellerChatError,
  TimeoutError,
  type ValidationDetails,
  ValidationError,
} from './errors/errors.js';
export { AUTHENTICATIONS, type Authentication } from './http/authentication.js';
export { type BackoffOptions, backoffDelay } from './http/backoff.js';
// Transport and HTTP
export type { Clock, Runtime, Sleep } from './http/clock.js';
export { errorForStatus, extractMarketplaceError, type MarketplaceErrorInfo } from './http/error-mapping.js';
export { createLimiter, type Limiter, type LimitRules } from './http/limiter.js';
export type {
  Authenticate,
  ErrorResponse,
  HttpClientOptions,
  LimitRule,
  Logger,
  MapError,
  RetryPolicy,
} from './http/options.js';
export {
  assertId,
  MAX_ID_LENGTH,
  type NamedSegment,
  type PathTag,
  type PathValue,
  path,
  pathFor,
} from './http/path.js';
export { createHttpClient, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from './http/pipeline.js';
export type { HttpClient, HttpResult, QueryValue, RequestClass, RequestSpec } from './http/request.js';
export { parseRetryAfter, retryAfterFromHeaders } from './http/retry-after.js';
export type {
  HttpMethod,
  MultipartField,
  MultipartFile,
  Transport,
  TransportBody,
  TransportFailure,
  TransportRequest,
  TransportResponse,
} from './http/transport.js';
export { isTransportFailure, transportFailure } from './http/transport.js';
export { serialiseQuery } from './http/url.js';
// JSON and time
export { JsonParseError, jsonNumber, parseJson, stringifyJson } from './json/lossless.js';
// Marketplace clients
export { accountLimitRules, createAccountLimiter, DEFAULT_LIMITS } from './marketplaces/account-limiter.js';
export { CAPABILITIES, capabilitiesOf } from './marketplaces/capabilities.js';
export type {
  ListChatsOptions,
  ListMessagesOptions,
  MarketplaceClient,
  MarkReadResult,
  SendResult,
  SendTextOptions,
  StartChatInput,
} from './marketplaces/client.js';
export {
  type ClientsByMarketplace,
  type CreateClientOptions,
  type CredentialsByMarketplace,
  createClient,
} from './marketplaces/create-client.js';
export {
  createMetroClient,
  METRO_BASE_URLS,
  METRO_ENVIRONMENTS,
  METRO_LANGUAGES,
  type MetroCategory,
  type MetroClient,
  type MetroClientOptions,
  type MetroCredentials,
  type MetroEnvironment,
  type MetroLanguage,
  type MetroSignatureEncoding,
  type MetroSubject,
  type MetroSubjects,
  type MetroUploadedFile,
  metroCapabilities,
  metroSignature,
  metroStringToSign,
} from './marketplaces/metro/index.js';
export {
  answerOzonPush,
  createOzonClient,
  OZON_BASE_URLS,
  type OzonClient,
  type OzonClientOptions,
  type OzonCredentials,
  type OzonNotification,
  type OzonPushReply,
  ozonCapabilities,
  ozonPushErrorReply,
  ozonPushSuccessReply,
  parseOzonNotification,
} from './marketplaces/ozon/index.js';
export {
  createStoredenClient,
  STOREDEN_BASE_URL,
  type StoredenClient,
  type StoredenClientOptions,
  type StoredenCredentials,
  storedenCapabilities,
} from './marketplaces/storeden/index.js';
export {
  answerYandexPush,
  createYandexClient,
  parseYandexNotification,
  YANDEX_BASE_URLS,
  type YandexClient,
  type YandexClientOptions,
  type YandexCredentials,
  type YandexNotification,
  type YandexPushReply,
  yandexCapabilities,
  yandexPushErrorReply,
  yandexPushSuccessReply,
} from './marketplaces/yandex/index.js';
// Model
export type { Attachment, FileUpload } from './model/attachment.js';
export type {
  Capabilities,
  ChatFilter,
  MarkReadMode,
  SendFileMode,
  StartChatBy,
} from './model/capabilities.js';
export type { Chat, ChatContext, ChatKind, ChatStatus, Party } from './model/chat.js';
export type {
  ChatCreatedEvent,
  ChatEvent,
  ChatEventType,
  MessageReceivedEvent,
  ReplyContext,
} from './model/events.js';
export { isMarketplaceId, MARKETPLACE_NAMES, MARKETPLACES, type MarketplaceId } from './model/marketplace.js';
export type { Message, SenderRole } from './model/message.js';
export type { Page } from './model/page.js';
// Redaction
export {
  createRedactor,
  REDACTED,
  type Redactor,
  redact,
  SENSITIVE_HEADERS,
  sensitiveHeaderValues,
} from './redaction/redact.js';
export { parseHttpDate } from './time/http-date.js';
export { parseTime, requireIsoUtc, type TimeInput, toIsoUtc } from './time/iso.js';
export { mimeTypeFromName, normaliseMimeType } from './validation/mime.js';
// Validation
export {
  assertSupported,
  formatBytes,
  isSupported,
  type OptionalOperation,
  validateAttachments,
  validateText,
} from './validation/validate.js';

// Watcher
export { stateBytes } from './watcher/compact.js';
export { chatEventId, messageEventId } from './watcher/event-ids.js';
export type { FirstRun, RedeliverOptions, WatcherOptions } from './watcher/options.js';
export { type PollResult, poll } from './watcher/poll.js';
export type { PushOptions, PushRequest, PushResponse, PushResult } from './watcher/push-common.js';
export { handleOzonPush } from './watcher/push-ozon.js';
export { handleYandexPush } from './watcher/push-yandex.js';
export {
  type ChatCursor,
  loadWatcherState,
  type PendingDelivery,
  WATCHER_STATE_VERSION,
  type WatcherState,
} from './watcher/state.js';
