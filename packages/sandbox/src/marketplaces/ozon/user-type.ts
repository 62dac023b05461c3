import type { UserType } from './model.js';

/** The docs' examples write "Сustomer" with a Cyrillic С (U+0421); we send it only when asked to. */
const CYRILLIC_CUSTOMER = '\u0421ustomer';

/** REST: the schema's lowercase values (O-SPEC v3User). */
export function restUserType(type: UserType, cyrillic: boolean): string {
  return type === 'customer' && cyrillic ? CYRILLIC_CUSTOMER : type;
}

/** Push: the table's values Customer, Support, NotificationUser (the crm/system user). */
export function pushUserType(type: UserType, cyrillic: boolean): string {
  if (type === 'customer') return cyrillic ? CYRILLIC_CUSTOMER : 'Customer';
  if (type === 'support') return 'Support';
  if (type === 'crm') return 'NotificationUser';
  // Seller and courier have no push value in the docs; they never trigger a push here.
  return type.charAt(0).toUpperCase() + type.slice(1);
}
