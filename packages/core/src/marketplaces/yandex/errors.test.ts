import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../http/options.js';
import { yandexMapError } from './errors.js';

const body = JSON.parse(readFileSync(new URL('./__fixtures__/error-403.json', import.meta.url), 'utf8'));

function response(status: number, operation: string): ErrorResponse {
  return {
    status,
    headers: {},
    data: body,
    text: JSON.stringify(body),
    spec: { operation, method: 'POST', path: '/x' },
  };
}

describe('yandexMapError', () => {
  it('turns a 403 on a write into a PermissionError with Yandex’s code, message and the scope hint', () => {
    const err = yandexMapError(response(403, 'sendText'));
    expect(err?.kind).toBe('permission');
    expect(err?.code).toBe('FORBIDDEN');
    expect(err?.marketplaceMessage).toBe('Access denied: token scope does not allow this method');
    expect(err?.message).toMatch(/"communication" or "all-methods" scope/);
  });

  it('gives no scope hint on reads', () => {
    const err = yandexMapError(response(403, 'listChats'));
    expect(err?.kind).toBe('permission');
    expect(err?.message).not.toMatch(/"communication"/);
  });

  it('tells a refused key (AuthError) from a key without access (PermissionError)', () => {
    const refused = {
      status: 'ERROR',
      errors: [{ code: 'FORBIDDEN', message: 'The authorization token is invalid or has been revoked' }],
    };
    const err = yandexMapError({
      ...response(403, 'listChats'),
      data: refused,
      text: JSON.stringify(refused),
    });
    expect(err?.kind).toBe('auth');
    expect(err?.status).toBe(403);
    expect(err?.marketplaceMessage).toBe('The authorization token is invalid or has been revoked');
  });

  it('leaves other statuses to the pipeline’s mapping (401 auth, 420 rate limit, ...)', () => {
    for (const status of [400, 401, 404, 420, 500])
      expect(yandexMapError(response(status, 'sendText'))).toBeUndefined();
  });
});
