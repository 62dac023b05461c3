import { describe, expect, it } from 'vitest';
import { mapOzonUserType, normaliseOzonUserType } from './user-type.js';

describe('mapOzonUserType', () => {
  it('reads the Cyrillic "Сustomer" of the examples as the buyer', () => {
    expect('Сustomer'.charCodeAt(0)).toBe(0x0421);
    expect(normaliseOzonUserType('Сustomer')).toBe('customer');
    expect(mapOzonUserType('Сustomer')).toBe('buyer');
  });

  it('maps every documented type, case-insensitively', () => {
    expect(mapOzonUserType('customer')).toBe('buyer');
    expect(mapOzonUserType('Customer')).toBe('buyer');
    expect(mapOzonUserType('seller')).toBe('seller');
    expect(mapOzonUserType('SELLER')).toBe('seller');
    expect(mapOzonUserType('crm')).toBe('marketplace');
    expect(mapOzonUserType('courier')).toBe('marketplace');
    expect(mapOzonUserType('support')).toBe('support');
    expect(mapOzonUserType('Support')).toBe('support');
    expect(mapOzonUserType('NotificationUser')).toBe('marketplace');
  });

  it('never takes an unknown or missing type for the buyer', () => {
    expect(mapOzonUserType('robot')).toBe('marketplace');
    expect(mapOzonUserType(undefined)).toBe('marketplace');
  });
});
