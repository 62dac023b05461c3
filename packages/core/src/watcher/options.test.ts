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
