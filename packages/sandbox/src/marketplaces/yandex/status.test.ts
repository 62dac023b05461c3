import { describe, expect, it } from 'vitest';
import { statusAfterMessage } from './status.js';

describe('Yandex chat status machine', () => {
  it('moves on customer and partner messages', () => {
    expect(statusAfterMessage('NEW', 'CUSTOMER')).toBe('WAITING_FOR_PARTNER');
    expect(statusAfterMessage('NEW', 'PARTNER')).toBe('WAITING_FOR_CUSTOMER');
    expect(statusAfterMessage('WAITING_FOR_CUSTOMER', 'CUSTOMER')).toBe('WAITING_FOR_PARTNER');
    expect(statusAfterMessage('WAITING_FOR_PARTNER', 'PARTNER')).toBe('WAITING_FOR_CUSTOMER');
  });

  it('leaves Market and support messages, arbitrage waits and FINISHED alone', () => {
    expect(statusAfterMessage('WAITING_FOR_PARTNER', 'MARKET')).toBe('WAITING_FOR_PARTNER');
    expect(statusAfterMessage('NEW', 'SUPPORT')).toBe('NEW');
    expect(statusAfterMessage('WAITING_FOR_ARBITER', 'CUSTOMER')).toBe('WAITING_FOR_ARBITER');
    expect(statusAfterMessage('WAITING_FOR_MARKET', 'PARTNER')).toBe('WAITING_FOR_MARKET');
    expect(statusAfterMessage('FINISHED', 'CUSTOMER')).toBe('FINISHED');
  });
});
