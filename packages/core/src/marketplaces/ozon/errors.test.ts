import { describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../http/options.js';
import { ozonMapError, parseOzonRpcStatus } from './errors.js';

function response(status: number, data: unknown, operation = 'sendText'): ErrorResponse {
  return {
    status,
    headers: {},
    data,
    text: JSON.stringify(data),
    spec: { operation, method: 'POST', path: '/v1/chat/send/message' },
  };
}

describe('parseOzonRpcStatus', () => {
  it('reads code, message and details', () => {
    expect(
      parseOzonRpcStatus({
        code: 7,
        message: 'denied',
        details: [{ typeUrl: 'type.googleapis.com/x', value: 'AQI=' }, 'junk'],
      }),
    ).toEqual({
      code: '7',
      message: 'denied',
      details: [{ typeUrl: 'type.googleapis.com/x', value: 'AQI=' }],
    });
    expect(parseOzonRpcStatus({ code: 3, details: [{ '@type': 'type.googleapis.com/y' }] })).toEqual({
      code: '3',
      details: [{ typeUrl: 'type.googleapis.com/y' }],
    });
    expect(parseOzonRpcStatus('oops')).toBeUndefined();
    expect(parseOzonRpcStatus({ result: 'x' })).toBeUndefined();
  });
});

describe('ozonMapError', () => {
  it('turns a Premium Plus or send-window 403 into a PermissionError carrying Ozon’s message', () => {
    const premium =
      'This method is available only to sellers with a Premium Plus or Premium Pro subscription';
    const err = ozonMapError(response(403, { code: 7, message: premium, details: [] }));
    expect(err?.kind).toBe('permission');
    expect(err?.marketplaceMessage).toBe(premium);
    expect(err?.code).toBe('7');
    expect(err?.message).toContain(premium);
    const window = ozonMapError(
      response(403, { code: 7, message: 'FBO: only within 48 hours', details: [{ typeUrl: 't/x' }] }),
    );
    expect(window?.kind).toBe('permission');
    expect(window?.message).toContain('details: t/x');
  });

  it('reads the documented bad-key messages as AuthError whatever the status', () => {
    for (const status of [400, 401, 403, 404]) {
      const err = ozonMapError(
        response(status, { code: 5, message: 'Invalid Api-Key, please check the key and try again' }),
      );
      expect(err?.kind, String(status)).toBe('auth');
    }
    expect(
      ozonMapError(response(403, { code: 7, message: 'Api-key is deactivated, use another one' }))?.kind,
    ).toBe('auth');
  });

  it('reads the per-second limit message as a RateLimitError even without 429', () => {
    const err = ozonMapError(
      response(403, { code: 8, message: 'You have reached request rate limit per second' }),
    );
    expect(err?.kind).toBe('rate_limit');
  });

  it('leaves 404, 409, 429 and 5xx to the pipeline', () => {
    expect(ozonMapError(response(404, { code: 5, message: 'Chat x not found' }))).toBeUndefined();
    expect(
      ozonMapError(response(429, { code: 8, message: 'You have reached request rate limit per second' })),
    ).toBeUndefined();
    expect(ozonMapError(response(500, { code: 13, message: 'Internal error' }))).toBeUndefined();
  });
});
