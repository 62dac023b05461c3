import { describe, expect, it } from 'vitest';
import {
  AuthError,
  ConflictError,
  isSellerChatError,
  MarketplaceError,
  NetworkError,
  NotFoundError,
  NotSupportedError,
  PermissionError,
  RateLimitError,
  SellerChatError,
  TimeoutError,
  ValidationError,
} from './errors.js';

describe('typed errors', () => {
  it.each([
    [new AuthError('a'), 'auth', 'AuthError'],
    [new PermissionError('a'), 'permission', 'PermissionError'],
    [new NotFoundError('a'), 'not_found', 'NotFoundError'],
    [new ConflictError('a'), 'conflict', 'ConflictError'],
    [new RateLimitError('a'), 'rate_limit', 'RateLimitError'],
    [new NetworkError('a'), 'network', 'NetworkError'],
    [new TimeoutError('a'), 'timeout', 'TimeoutError'],
    [new NotSupportedError('a'), 'not_supported', 'NotSupportedError'],
    [new MarketplaceError('a'), 'marketplace', 'MarketplaceError'],
    [new ValidationError('a', { field: 'text' }), 'validation', 'ValidationError'],
  ])('%s has kind %s and name %s', (error, kind, name) => {
    expect(error.kind).toBe(kind);
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(SellerChatError);
    expect(isSellerChatError(error)).toBe(true);
    expect(String(error)).toBe(`${name}: a`);
  });

  it('serialises plain data, with subclass fields and without the cause', () => {
    const cause = { request: { headers: { 'Api-Key': 'secret-value' } } };
    const error = new RateLimitError('slow down', {
      marketplace: 'yandex',
      operation: 'listChats',
      status: 420,
      code: 'LIMIT',
      marketplaceMessage: 'Hit rate limit',
      retryAfterMs: 1500,
      cause,
    });
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RateLimitError',
      kind: 'rate_limit',
      message: 'slow down',
      marketplace: 'yandex',
      operation: 'listChats',
      status: 420,
      code: 'LIMIT',
      marketplaceMessage: 'Hit rate limit',
      retryAfterMs: 1500,
    });
    const validation = new ValidationError('too long', {
      field: 'text',
      limit: '4096 characters',
      marketplace: 'yandex',
    });
    expect(validation.toJSON()).toMatchObject({
      kind: 'validation',
      field: 'text',
      limit: '4096 characters',
    });
  });

  it('tells SellerChat errors from others', () => {
    expect(isSellerChatError(new Error('x'))).toBe(false);
    expect(isSellerChatError({ kind: 'auth' })).toBe(false);
  });
});
