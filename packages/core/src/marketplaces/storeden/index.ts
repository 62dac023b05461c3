export { STOREDEN_MESSAGES_PER_PAGE, storedenCapabilities } from './capabilities.js';
export { createStoredenClient, type StoredenClient, type StoredenClientOptions } from './client.js';
export { STOREDEN_BASE_URL, type StoredenCredentials } from './credentials.js';
