import { describe, expect, it } from 'vitest';
import { OrderCache } from './order-cache.js';

describe('OrderCache', () => {
  it('keeps at most max entries, dropping the least recently stored', () => {
    const cache = new OrderCache(2);
    cache.set('c1', 'o1');
    cache.set('c2', 'o2');
    cache.set('c1', 'o1'); // refreshed: c2 is now the oldest
    cache.set('c3', 'o3');
    expect(cache.size).toBe(2);
    expect(cache.get('c2')).toBeUndefined();
    expect(cache.get('c1')).toBe('o1');
    expect(cache.get('c3')).toBe('o3');
  });

  it('ignores chats without an order', () => {
    const cache = new OrderCache();
    cache.set('c1', undefined);
    expect(cache.size).toBe(0);
  });
});
