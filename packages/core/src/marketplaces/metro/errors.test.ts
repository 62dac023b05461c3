import { describe, expect, it } from 'vitest';
import { AuthError, ValidationError } from '../../errors/errors.js';
import type { ErrorResponse } from '../../http/options.js';
import { mapMetroError } from './errors.js';

function response(status: number, data: unknown): ErrorResponse {
  return {
    status,
    headers: {},
    data,
    text: JSON.stringify(data),
    spec: { operation: 'sendText', method: 'POST', path: '/openapi/v1/chats/c/messages' },
  };
}

describe('mapMetroError', () => {
  it('turns 401 into an AuthError with the envelope message and the usual causes', () => {
    const error = mapMetroError(response(401, { status: 'error', message: 'Invalid signature' }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error!.marketplaceMessage).toBe('Invalid signature');
    expect(error!.message).toMatch(
      /Metro Markets sendText: authentication failed \(HTTP 401\): Invalid signature/,
    );
    expect(error!.message).toMatch(/signature encoding/);
  });

  it('names the field of a Laravel-style 422', () => {
    const error = mapMetroError(
      response(422, { status: 'error', message: 'content is too long', errors: { content: ['too long'] } }),
    ) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe('content');
    expect(error.status).toBe(422);
  });

  it('leaves the rest to the mapping by status', () => {
    expect(mapMetroError(response(404, { status: 'error', message: 'Chat not found' }))).toBeUndefined();
    expect(mapMetroError(response(422, { status: 'error', message: 'bad' }))).toBeUndefined();
  });
});
