import { capabilitiesOf } from '@sellerchat/core';
import { describe, expect, it } from 'vitest';
import { triggerOptions } from './trigger-options.js';

const base = { id: 'n', type: 'sellerchat-in' };

describe('triggerOptions', () => {
  it('defaults: new messages, every 60 s, from now on, no push', () => {
    expect(triggerOptions(base, capabilitiesOf('metro'))).toEqual({
      intervalMs: 60_000,
      watcher: { events: 'messages', firstRun: 'now' },
    });
  });

  it('first run "since" needs a date and passes it on in UTC', () => {
    const options = triggerOptions(
      { ...base, firstRun: 'since', since: '2026-01-31T03:00:00+03:00' },
      capabilitiesOf('ozon'),
    );
    expect(options.watcher.firstRun).toEqual({ since: '2026-01-31T00:00:00.000Z' });
    expect(() =>
      triggerOptions({ ...base, firstRun: 'since', since: 'yesterday' }, capabilitiesOf('ozon')),
    ).toThrow(expect.objectContaining({ field: 'since', marketplace: 'ozon' }));
  });

  it('refuses an interval outside 1..86400 seconds naming the limit', () => {
    for (const interval of [0, 1.5, 86_401, 'often']) {
      expect(() => triggerOptions({ ...base, interval }, capabilitiesOf('yandex'))).toThrow(
        expect.objectContaining({ field: 'interval', limit: '1..86400 seconds', marketplace: 'yandex' }),
      );
    }
  });

  it('push: only where the marketplace has it, on a clean path', () => {
    expect(
      triggerOptions({ ...base, push: true, pushPath: '/hooks/yandex/' }, capabilitiesOf('yandex')).pushPath,
    ).toBe('/hooks/yandex');
    expect(() => triggerOptions({ ...base, push: true, pushPath: '/x' }, capabilitiesOf('metro'))).toThrow(
      expect.objectContaining({ kind: 'not_supported', marketplace: 'metro' }),
    );
    expect(() =>
      triggerOptions({ ...base, push: true, pushPath: 'no-slash' }, capabilitiesOf('ozon')),
    ).toThrow(expect.objectContaining({ field: 'pushPath' }));
  });

  it('redelivery: off when empty or 0, else seconds to afterMs with 3 deliveries unless told', () => {
    for (const redeliver of [undefined, '', 0, '0']) {
      expect(
        triggerOptions({ ...base, redeliver }, capabilitiesOf('metro')).watcher.redeliver,
      ).toBeUndefined();
    }
    expect(triggerOptions({ ...base, redeliver: '90' }, capabilitiesOf('metro')).watcher.redeliver).toEqual({
      afterMs: 90_000,
      maxAttempts: 3,
    });
    expect(
      triggerOptions({ ...base, redeliver: 5, redeliverMax: '2' }, capabilitiesOf('ozon')).watcher.redeliver,
    ).toEqual({ afterMs: 5_000, maxAttempts: 2 });
    for (const redeliver of [-1, 1.5, 86_401, 'soon']) {
      expect(() => triggerOptions({ ...base, redeliver }, capabilitiesOf('yandex'))).toThrow(
        expect.objectContaining({ field: 'redeliver', marketplace: 'yandex' }),
      );
    }
    for (const redeliverMax of [1, 11, 2.5]) {
      expect(() =>
        triggerOptions({ ...base, redeliver: 5, redeliverMax }, capabilitiesOf('storeden')),
      ).toThrow(expect.objectContaining({ field: 'redeliverMax', limit: '2..10', marketplace: 'storeden' }));
    }
  });
});
