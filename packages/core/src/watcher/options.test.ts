import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { resolveOptions } from './options.js';

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('watcher options', () => {
  it('defaults to buyer messages and new chats from now, 64 KB of state', () => {
    const o = resolveOptions('metro');
    expect(o.firstRun).toBe('now');
    expect([...o.senders]).toEqual(['buyer']);
    expect(o.messages && o.chats).toBe(true);
    expect(o.maxStateBytes).toBe(65_536);
  });

  it('adds senders and normalises firstRun.since to UTC', () => {
    const o = resolveOptions('ozon', {
      includeSellerMessages: true,
      includeSupportMessages: true,
      firstRun: { since: '2025-03-01T12:00:00+03:00' },
      events: 'messages',
    });
    expect([...o.senders].sort()).toEqual(['buyer', 'seller', 'support']);
    expect(o.firstRun).toEqual({ since: '2025-03-01T09:00:00.000Z' });
    expect(o.chats).toBe(false);
  });

  it('refuses bad input naming the field, the limit and the marketplace', () => {
    const cap = refusal(() => resolveOptions('yandex', { maxStateBytes: 100 }));
    expect(cap.field).toBe('maxStateBytes');
    expect(cap.limit).toBe('4096..67108864');
    expect(cap.marketplace).toBe('yandex');
    expect(cap.message).toContain('yandex');
    expect(refusal(() => resolveOptions('metro', { firstRun: { since: 'soon' } })).field).toBe(
      'firstRun.since',
    );
    expect(refusal(() => resolveOptions('metro', { firstRun: 'all' as never })).field).toBe('firstRun');
    expect(refusal(() => resolveOptions('metro', { chatKinds: ['chat' as never] })).field).toBe('chatKinds');
    expect(refusal(() => resolveOptions('metro', { events: 'everything' as never })).field).toBe('events');
  });
});

describe('watcher options: redeliver', () => {
  const clock = { now: () => 0 };

  it('takes afterMs with the host clock, maxAttempts 3 by default', () => {
    const o = resolveOptions('ozon', { redeliver: { afterMs: 60_000 }, clock });
    expect(o.redeliver).toEqual({ afterMs: 60_000, maxAttempts: 3, clock });
    expect(
      resolveOptions('ozon', { redeliver: { afterMs: 1_000, maxAttempts: 10 }, clock }).redeliver
        ?.maxAttempts,
    ).toBe(10);
    expect(resolveOptions('ozon', { clock }).redeliver).toBeUndefined();
  });

  it('refuses afterMs outside a second to a day, maxAttempts outside 2..10 and a missing clock', () => {
    const afterMs = refusal(() => resolveOptions('storeden', { redeliver: { afterMs: 999 }, clock }));
    expect(afterMs).toMatchObject({
      field: 'redeliver.afterMs',
      limit: '1000..86400000',
      marketplace: 'storeden',
    });
    expect(afterMs.message).toContain('storeden');
    expect(refusal(() => resolveOptions('metro', { redeliver: { afterMs: 86_400_001 }, clock })).field).toBe(
      'redeliver.afterMs',
    );
    expect(refusal(() => resolveOptions('metro', { redeliver: { afterMs: 1500.5 }, clock })).field).toBe(
      'redeliver.afterMs',
    );
    expect(refusal(() => resolveOptions('metro', { redeliver: {} as never, clock })).field).toBe(
      'redeliver.afterMs',
    );
    const attempts = refusal(() =>
      resolveOptions('yandex', { redeliver: { afterMs: 5_000, maxAttempts: 1 }, clock }),
    );
    expect(attempts).toMatchObject({ field: 'redeliver.maxAttempts', limit: '2..10', marketplace: 'yandex' });
    expect(
      refusal(() => resolveOptions('yandex', { redeliver: { afterMs: 5_000, maxAttempts: 11 }, clock }))
        .field,
    ).toBe('redeliver.maxAttempts');
    expect(refusal(() => resolveOptions('metro', { redeliver: { afterMs: 5_000 } }))).toMatchObject({
      field: 'clock',
      marketplace: 'metro',
    });
  });
});
