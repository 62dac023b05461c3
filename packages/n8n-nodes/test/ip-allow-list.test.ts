import { describe, expect, it } from 'vitest';
import {
  ipAllowed,
  ipInRange,
  PUSH_SOURCE_RANGES,
  parseRanges,
} from '../nodes/SellerChatPushTrigger/ip-allow-list.js';

describe('IP allow-list', () => {
  it('matches IPv4 CIDR ranges at their edges', () => {
    expect(ipInRange('5.45.207.0', '5.45.207.0/25')).toBe(true);
    expect(ipInRange('5.45.207.127', '5.45.207.0/25')).toBe(true);
    expect(ipInRange('5.45.207.128', '5.45.207.0/25')).toBe(false);
    expect(ipInRange('185.73.195.255', '185.73.192.0/22')).toBe(true);
    expect(ipInRange('185.73.196.0', '185.73.192.0/22')).toBe(false);
    expect(ipInRange('10.9.8.7', '0.0.0.0/0')).toBe(true);
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(ipAllowed('::ffff:141.8.142.1', PUSH_SOURCE_RANGES.yandex)).toBe(true);
    expect(ipAllowed('::ffff:127.0.0.1', PUSH_SOURCE_RANGES.yandex)).toBe(false);
  });

  it('matches single addresses of either family, and never an unknown sender', () => {
    expect(ipAllowed('2001:db8::1', ['2001:db8::1'])).toBe(true);
    expect(ipAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(ipAllowed(undefined, ['0.0.0.0/0'])).toBe(false);
  });

  it('refuses a range that cannot match anything, naming it', () => {
    expect(parseRanges(' 10.0.0.0/8,127.0.0.1 ')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => parseRanges('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => parseRanges('300.1.1.1')).toThrow(/"300\.1\.1\.1"/);
  });
});
