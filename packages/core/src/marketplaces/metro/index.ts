export { metroSignature, metroStringToSign } from './auth.js';
export { METRO_MAX_FILE_BYTES, METRO_MIME_TYPES, metroCapabilities } from './capabilities.js';
export {
  createMetroClient,
  type MetroClient,
  type MetroClientOptions,
  type MetroLanguageOption,
  type MetroListChatsOptions,
  type MetroStartChatInput,
} from './client.js';
export {
  METRO_BASE_URLS,
  METRO_ENVIRONMENTS,
  type MetroCredentials,
  type MetroEnvironment,
  type MetroSignatureEncoding,
} from './credentials.js';
export { METRO_LANGUAGES, type MetroLanguage } from './languages.js';
export type { MetroCategory, MetroSubject, MetroSubjects, MetroUploadedFile } from './wire.js';
