import { describe, expect, it } from 'vitest';
import { yandexHarness } from './test-support.js';

describe('Yandex settings', () => {
  it('refuses unknown keys and bad values, naming them, and changes nothing then', () => {
    const h = yandexHarness(0);
    expect(() => h.module.configure({ premium: true })).toThrow(/Unknown Yandex sandbox setting "premium"/);
    expect(() => h.module.configure({ parallelLimit: 0 })).toThrow(/parallelLimit/);
    expect(() => h.module.configure({ quotas: { getChats: 10, sendEmail: 1 } })).toThrow(/quotas.sendEmail/);
    expect(h.module.settings()).toMatchObject({ parallelLimit: 4, quotas: { getChats: 5000 } });
  });

  it('merges quota updates per operation', () => {
    const h = yandexHarness(0);
    h.module.configure({ quotas: { getChats: 3 } });
    expect(h.module.settings()).toMatchObject({
      quotas: { getChats: 3, getChatHistory: 10000, getChat: 1000 },
    });
  });
});
