import { describe, expect, it } from 'vitest';
import { accountSettings, baseUrlOf } from './account-settings.js';

const yandex = { yandexBusinessId: '11223344', yandexApiKey: 'ACMA:secret' };

describe('accountSettings', () => {
  it('maps each marketplace to its client options, production by default', () => {
    expect(accountSettings({ id: 'a', type: 't', marketplace: 'yandex' }, yandex).client).toEqual({
      marketplace: 'yandex',
      credentials: { businessId: '11223344', apiKey: 'ACMA:secret' },
    });
    const metro = accountSettings(
      { id: 'a', type: 't', marketplace: 'metro', metroEnvironment: 'sandbox', metroSignature: 'hex' },
      { metroClientKey: 'k', metroClientSecret: 's' },
    );
    expect(metro.client.credentials).toEqual({
      clientKey: 'k',
      clientSecret: 's',
      environment: 'sandbox',
      signatureEncoding: 'hex',
    });
    expect(metro.secrets).toEqual(['s']);
  });

  it('points at the sandbox under /<marketplace>, or at a custom URL as given', () => {
    expect(
      baseUrlOf({ id: 'a', type: 't', server: 'sandbox', baseUrl: 'http://127.0.0.1:4010/' }, 'ozon'),
    ).toBe('http://127.0.0.1:4010/ozon');
    expect(
      baseUrlOf({ id: 'a', type: 't', server: 'custom', baseUrl: 'https://proxy.example/api/' }, 'ozon'),
    ).toBe('https://proxy.example/api');
    expect(
      baseUrlOf({ id: 'a', type: 't', server: 'production', baseUrl: 'ignored' }, 'ozon'),
    ).toBeUndefined();
  });

  it('names the account by a hash of marketplace, host and id: no secret, and a new one per host or id', () => {
    const storeden = (baseUrl: string, key: string) =>
      accountSettings(
        { id: 'a', type: 't', marketplace: 'storeden', server: 'custom', baseUrl },
        { storedenKey: key, storedenExchange: 'exchange-secret' },
      ).owner;
    const owner = storeden('https://one.example', 'key-secret');
    expect(owner).toMatch(/^[0-9a-f]{64}$/);
    expect(storeden('https://one.example', 'key-secret')).toBe(owner);
    expect(storeden('https://two.example', 'key-secret')).not.toBe(owner);
    expect(storeden('https://one.example', 'other-key')).not.toBe(owner);
    const metro = (metroEnvironment: string) =>
      accountSettings(
        { id: 'a', type: 't', marketplace: 'metro', metroEnvironment },
        { metroClientKey: 'k', metroClientSecret: 's' },
      ).owner;
    expect(metro('sandbox')).not.toBe(metro('production'));
  });

  it('refuses a missing credential naming the field and the marketplace, never a value', () => {
    expect(() => accountSettings({ id: 'a', type: 't', marketplace: 'ozon' }, { ozonClientId: '1' })).toThrow(
      expect.objectContaining({ kind: 'validation', field: 'credentials.ozonApiKey', marketplace: 'ozon' }),
    );
  });

  it('refuses an unknown marketplace and a URL that is not http(s)', () => {
    expect(() => accountSettings({ id: 'a', type: 't', marketplace: 'amazon' }, {})).toThrow(
      expect.objectContaining({ field: 'marketplace' }),
    );
    expect(() => baseUrlOf({ id: 'a', type: 't', server: 'custom', baseUrl: 'ftp://x' }, 'metro')).toThrow(
      expect.objectContaining({ field: 'baseUrl', marketplace: 'metro' }),
    );
    expect(() => baseUrlOf({ id: 'a', type: 't', server: 'sandbox', baseUrl: '' }, 'metro')).toThrow(
      expect.objectContaining({ field: 'baseUrl' }),
    );
  });
});
