import { describe, expect, it } from 'vitest';
import { ozonHarness } from './test-support.js';

describe('Ozon settings', () => {
  it('refuses unknown keys and wrong types, naming them', () => {
    const h = ozonHarness(0);
    expect(() => h.module.configure({ latency: 5 })).toThrow(/Unknown Ozon sandbox setting "latency"/);
    expect(() => h.module.configure({ premium: 'no' })).toThrow(/premium must be true or false/);
    expect(() => h.module.configure({ rateLimitPerSecond: 0 })).toThrow(/rateLimitPerSecond/);
    expect(h.module.settings()).toEqual({
      premium: true,
      enforceWindows: true,
      rateLimitPerSecond: 50,
      cyrillicCustomer: false,
      maxFileBytes: 5 * 1024 * 1024,
    });
  });
});
