import type { SenderRole } from '../../model/message.js';

/**
 * Ozon's user types: REST `customer|seller|crm|courier|support`, push `Customer|Support|
 * NotificationUser`, and every example spells "Сustomer" with a Cyrillic С (U+0421). Compared
 * case-insensitively with Cyrillic С/с read as Latin C/c. Couriers and CRM (system) messages are
 * the marketplace speaking; an unknown type is never taken for the buyer, so automations do not
 * answer system messages.
 */
const ROLES: Readonly<Record<string, SenderRole>> = {
  customer: 'buyer',
  seller: 'seller',
  crm: 'marketplace',
  courier: 'marketplace',
  support: 'support',
  notificationuser: 'marketplace',
};

export function normaliseOzonUserType(type: string): string {
  return type
    .trim()
    .replace(/[\u0421\u0441]/g, 'c')
    .toLowerCase();
}

export function mapOzonUserType(type: string | undefined): SenderRole {
  if (type === undefined) return 'marketplace';
  return ROLES[normaliseOzonUserType(type)] ?? 'marketplace';
}
