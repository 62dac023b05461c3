import { describe, expect, it } from 'vitest';
import {
  AuthError,
  MarketplaceError,
  NetworkError,
  PermissionError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../errors/errors.js';
import type { Runtime } from '../../http/clock.js';
import { transportFailure } from '../../http/transport.js';
import type { Message } from '../../model/message.js';
import {
  isAmbiguousFailure,
  isSameSellerMessage,
  mayStillArrive,
  SEND_ONCE_MARGIN_MS,
  sendOnce,
} from './send-once.js';

const T0 = Date.parse('2025-03-01T10:00:00.000Z');

function runtimeAt(ms: number): Runtime {
  return { clock: { now: () => ms }, sleep: async () => {}, random: () => 0.5 };
}

function message(overrides: Partial<Message> = {}): Message {
  return {
    marketplace: 'yandex',
    id: '42',
    chatId: '7',
    sender: 'seller',
    text: 'hello',
    createdAt: '2025-03-01T10:00:01.000Z',
    attachments: [],
    raw: {},
    ...overrides,
  };
}

const reset = () => new NetworkError('socket hang up', { cause: transportFailure('reset', 'ECONNRESET') });

describe('isAmbiguousFailure', () => {
  it('treats timeouts, resets and bodiless 5xx as ambiguous', () => {
    expect(isAmbiguousFailure(new TimeoutError('timed out'))).toBe(true);
    expect(isAmbiguousFailure(reset())).toBe(true);
    expect(isAmbiguousFailure(new NetworkError('broken'))).toBe(true);
    expect(isAmbiguousFailure(new MarketplaceError('bad gateway', { status: 502 }))).toBe(true);
  });

  it('treats failures before sending and answered errors as certain', () => {
    const refused = new NetworkError('refused', { cause: transportFailure('refused', 'ECONNREFUSED') });
    const dns = new NetworkError('dns', { cause: transportFailure('dns', 'ENOTFOUND') });
    expect(isAmbiguousFailure(refused)).toBe(false);
    expect(isAmbiguousFailure(dns)).toBe(false);
    expect(isAmbiguousFailure(new MarketplaceError('x', { status: 500, code: 'INTERNAL_ERROR' }))).toBe(
      false,
    );
    expect(isAmbiguousFailure(new MarketplaceError('x', { status: 500, marketplaceMessage: 'oops' }))).toBe(
      false,
    );
    expect(isAmbiguousFailure(new MarketplaceError('x', { status: 400 }))).toBe(false);
    expect(isAmbiguousFailure(new PermissionError('no'))).toBe(false);
    expect(isAmbiguousFailure(new AuthError('no'))).toBe(false);
    expect(isAmbiguousFailure(new RateLimitError('slow'))).toBe(false);
    expect(isAmbiguousFailure(new ValidationError('bad', { field: 'text' }))).toBe(false);
    expect(isAmbiguousFailure(new Error('plain'))).toBe(false);
    expect(isAmbiguousFailure(undefined)).toBe(false);
  });
});

describe('mayStillArrive', () => {
  it('holds for timeouts and 2xx answers that did not parse, not for failures that settle it', () => {
    expect(mayStillArrive(new TimeoutError('timed out'))).toBe(true);
    expect(mayStillArrive(new MarketplaceError('cut short', { status: 201 }))).toBe(true);
    expect(mayStillArrive(reset())).toBe(false);
    expect(mayStillArrive(new MarketplaceError('bad gateway', { status: 502 }))).toBe(false);
    expect(mayStillArrive(new MarketplaceError('no status'))).toBe(false);
    expect(mayStillArrive(new RateLimitError('slow', { status: 429 }))).toBe(false);
    expect(mayStillArrive(new Error('plain'))).toBe(false);
  });
});

describe('sendOnce', () => {
  it('returns the send result and never looks at history when the send succeeds', async () => {
    let looked = 0;
    const result = await sendOnce({
      marketplace: 'yandex',
      operation: 'sendText',
      send: async () => 'ok',
      findDelivered: async () => {
        looked++;
        return undefined;
      },
      runtime: runtimeAt(T0),
    });
    expect(result).toBe('ok');
    expect(looked).toBe(0);
  });

  it('returns the delivered message instead of posting again after a lost response', async () => {
    let sends = 0;
    let askedFrom = '';
    const delivered = message();
    const result = await sendOnce({
      marketplace: 'yandex',
      operation: 'sendText',
      send: async () => {
        sends++;
        throw reset();
      },
      findDelivered: async (from) => {
        askedFrom = from;
        return delivered;
      },
      runtime: runtimeAt(T0),
    });
    expect(sends).toBe(1);
    expect(result).toEqual({ delivered });
    expect(askedFrom).toBe(new Date(T0 - SEND_ONCE_MARGIN_MS).toISOString());
  });

  it('shifts the instant into marketplace time with the clock offset known at check time', async () => {
    let offset: number | undefined;
    let askedFrom = '';
    await sendOnce({
      marketplace: 'ozon',
      operation: 'sendText',
      send: async () => {
        offset = 60_000; // learned from the failed attempt's Date header
        throw new TimeoutError('timed out');
      },
      findDelivered: async (from) => {
        askedFrom = from;
        return message();
      },
      runtime: runtimeAt(T0),
      clockOffsetMs: () => offset,
    });
    expect(askedFrom).toBe(new Date(T0 + 60_000 - SEND_ONCE_MARGIN_MS).toISOString());
  });

  it('sends again when the message did not arrive, and stops at maxAttempts', async () => {
    let sends = 0;
    let looks = 0;
    const result = await sendOnce({
      marketplace: 'yandex',
      operation: 'sendText',
      send: async () => {
        sends++;
        if (sends < 3) throw reset();
        return 'third time';
      },
      findDelivered: async () => {
        looks++;
        return undefined;
      },
      runtime: runtimeAt(T0),
    });
    expect(result).toBe('third time');
    expect(sends).toBe(3);
    expect(looks).toBe(2);

    sends = 0;
    const failing = sendOnce({
      marketplace: 'yandex',
      operation: 'sendText',
      send: async () => {
        sends++;
        throw new NetworkError(`reset ${sends}`);
      },
      findDelivered: async () => undefined,
      runtime: runtimeAt(T0),
      maxAttempts: 2,
    });
    await expect(failing).rejects.toThrow('reset 2');
    expect(sends).toBe(2);
  });

  it('after a timeout or a 2xx it cannot read, looks in the history but never sends again', async () => {
    // The fault matrix found it: a send that outlived the timeout was stored after the history
    // check, so sending again posted it twice.
    for (const failure of [
      new TimeoutError('no response within 200 ms'),
      new MarketplaceError('the response body is not valid JSON (HTTP 200)', { status: 200 }),
    ]) {
      let sends = 0;
      let looks = 0;
      const run = sendOnce({
        marketplace: 'storeden',
        operation: 'sendText',
        send: async () => {
          sends++;
          throw failure;
        },
        findDelivered: async () => {
          looks++;
          return undefined;
        },
        runtime: runtimeAt(T0),
      });
      await expect(run).rejects.toBe(failure);
      expect([sends, looks]).toEqual([1, 1]);
      const delivered = message();
      const found = await sendOnce({
        marketplace: 'storeden',
        operation: 'sendText',
        send: async () => {
          throw failure;
        },
        findDelivered: async () => delivered,
        runtime: runtimeAt(T0),
      });
      expect(found).toEqual({ delivered });
    }
  });

  it('rethrows non-ambiguous errors at once without looking or retrying', async () => {
    let sends = 0;
    let looks = 0;
    const denied = new PermissionError('read-only key', { status: 403 });
    const run = sendOnce({
      marketplace: 'yandex',
      operation: 'sendText',
      send: async () => {
        sends++;
        throw denied;
      },
      findDelivered: async () => {
        looks++;
        return undefined;
      },
      runtime: runtimeAt(T0),
    });
    await expect(run).rejects.toBe(denied);
    expect(sends).toBe(1);
    expect(looks).toBe(0);
  });

  it('reports the original failure and does not resend when the history check itself fails', async () => {
    let sends = 0;
    const lost = reset();
    const run = sendOnce({
      marketplace: 'ozon',
      operation: 'sendText',
      send: async () => {
        sends++;
        throw lost;
      },
      findDelivered: async () => {
        throw new TimeoutError('history timed out');
      },
      runtime: runtimeAt(T0),
    });
    await expect(run).rejects.toBe(lost);
    expect(sends).toBe(1);
  });
});

describe('isSameSellerMessage', () => {
  const from = '2025-03-01T10:00:00.000Z';

  it('matches a seller message with the same text at or after the instant', () => {
    expect(isSameSellerMessage(message(), { text: 'hello' }, from)).toBe(true);
    expect(isSameSellerMessage(message({ createdAt: from }), { text: 'hello' }, from)).toBe(true);
  });

  it('refuses other senders, other texts and older messages', () => {
    expect(isSameSellerMessage(message({ sender: 'buyer' }), { text: 'hello' }, from)).toBe(false);
    expect(isSameSellerMessage(message({ text: 'hello!' }), { text: 'hello' }, from)).toBe(false);
    const older = message({ createdAt: '2025-03-01T09:59:59.999Z' });
    expect(isSameSellerMessage(older, { text: 'hello' }, from)).toBe(false);
  });

  it('compares attachment names as a set when some were sent', () => {
    const withFiles = message({ text: '', attachments: [{ name: 'b.pdf' }, { name: 'a.png' }] });
    expect(isSameSellerMessage(withFiles, { text: '', attachmentNames: ['a.png', 'b.pdf'] }, from)).toBe(
      true,
    );
    expect(isSameSellerMessage(withFiles, { text: '', attachmentNames: ['a.png'] }, from)).toBe(false);
    expect(isSameSellerMessage(withFiles, { text: '', attachmentNames: ['a.png', 'c.pdf'] }, from)).toBe(
      false,
    );
  });
});
