import { describe, expect, it } from 'vitest';
import { PermissionError } from '../../errors/errors.js';
import type { ErrorResponse } from '../../http/options.js';
import { mapStoredenError } from './errors.js';

function response(status: number, method: 'GET' | 'POST'): ErrorResponse {
  const data = { error: { code: status, message: 'This key pair is READ only' } };
  return {
    status,
    headers: {},
    data,
    text: JSON.stringify(data),
    spec: { operation: method === 'GET' ? 'listChats' : 'sendText', method, path: '/messages/chat.json' },
  };
}

describe('mapStoredenError', () => {
  it('explains a refused write as a READ key pair', () => {
    const error = mapStoredenError(response(403, 'POST'));
    expect(error).toBeInstanceOf(PermissionError);
    expect(error!.message).toMatch(
      /Storeden sendText: writing was refused \(HTTP 403\): This key pair is READ only/,
    );
    expect(error!.message).toMatch(/READ & WRITE/);
  });

  it('leaves reads and other statuses to the mapping by status', () => {
    expect(mapStoredenError(response(403, 'GET'))).toBeUndefined();
    expect(mapStoredenError(response(509, 'POST'))).toBeUndefined();
    expect(mapStoredenError(response(401, 'POST'))).toBeUndefined();
  });
});
