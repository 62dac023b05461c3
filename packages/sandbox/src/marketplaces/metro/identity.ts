import type { MetroCredentials } from './auth.js';
import type { Organization, Person } from './store.js';

/**
 * The one seller the sandbox emulates. The organization and account ids are the ones in
 * seed:metro-chats' example Chat, so payloads read like the vendor's.
 */
export const SANDBOX_ORGANIZATION: Organization = {
  id: '581c41ea-6bc5-4716-a325-4a803c0ebff0',
  shopName: 'SellerChat Sandbox Shop',
};

export const SANDBOX_ACCOUNT: Person = {
  id: '18461e1b-d845-4587-8ecb-90ba8838fc6e',
  firstName: 'Test',
  lastName: 'Metro',
};

/** Not a secret: a fixed pair for the local emulator only. */
export const SANDBOX_CREDENTIALS: MetroCredentials = {
  clientKey: 'sandbox-metro-client-key',
  clientSecret: 'sandbox-metro-client-secret',
};
