import { describe, expect, it } from 'vitest';
import { RateLimitError } from '../errors/errors.js';
import { errorForStatus, extractMarketplaceError } from './error-mapping.js';

describe('extractMarketplaceError', () => {
  it.each([
    [
      {
        status: 'ERROR',
        errors: [
          { code: 'A', message: 'one' },
          { code: 'B', message: 'two' },
        ],
      },
      { code: 'A', message: 'one; two' },
    ],
    [
      { code: 7, message: 'Api-Key is deactivated' },
      { code: '7', message: 'Api-Key is deactivated' },
    ],
    [
      { status: 'error', message: 'Order not found' },
      { code: undefined, message: 'Order not found' },
    ],
    [
      { error: { code: 'ERROR_PARAMETER_VALUE_MISSED', message: 'no chat_id' } },
      { code: 'ERROR_PARAMETER_VALUE_MISSED', message: 'no chat_id' },
    ],
    [
      { error: { type: 'WRONG_EVENT_FORMAT', message: 'bad' } },
      { code: 'WRONG_EVENT_FORMAT', message: 'bad' },
    ],
    [
      { error: 'invalid_token', error_description: 'expired' },
      { code: 'invalid_token', message: 'expired' },
    ],
    [
      { title: 'Unprocessable', detail: 'content is required' },
      { code: undefined, message: 'content is required' },
    ],
    [{ errors: ['plain string'] }, { code: undefined, message: 'plain string' }],
  ])('reads %j', (body, expected) => {
    expect(extractMarketplaceError(body, JSON.stringify(body))).toEqual(expected);
  });

  it('takes short plain text, but not HTML pages', () => {
    expect(extractMarketplaceError(undefined, ' Limit Exceeded \n')).toEqual({ message: 'Limit Exceeded' });
    expect(extractMarketplaceError(undefined, '<html><body>502</body></html>')).toEqual({});
    expect(extractMarketplaceError(undefined, '')).toEqual({});
  });

  it('clips very long messages', () => {
    const info = extractMarketplaceError({ message: 'x'.repeat(2000) }, '');
    expect(info.message).toHaveLength(501);
  });
});

describe('errorForStatus', () => {
  it('words the message with marketplace, operation, status, code and message', () => {
    const error = errorForStatus({
      marketplace: 'storeden',
      operation: 'listChats',
      status: 509,
      info: { message: 'Limit Exceeded' },
      isRateLimit: true,
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe('Storeden listChats: rate limited (HTTP 509): Limit Exceeded');
  });
});
