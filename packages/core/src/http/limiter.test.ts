import { describe, expect, it } from 'vitest';
import { createFakeRuntime, settle } from './fake-runtime.js';
import { createLimiter } from './limiter.js';

interface Deferred {
  promise: Promise<string>;
  resolve: (value: string) => void;
}

function deferred(): Deferred {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('limiter: concurrency', () => {
  it('keeps at most 4 requests in flight (Yandex) and starts them in FIFO order', async () => {
    const runtime = createFakeRuntime();
    const limiter = createLimiter({ all: { concurrency: 4 } }, runtime);
    const gates = Array.from({ length: 10 }, deferred);
    const started: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const results = gates.map((gate, i) =>
      limiter.run('read', async () => {
        started.push(i);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const value = await gate.promise;
        inFlight--;
        return value;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(limiter.waiting).toBe(6);
    // Finish out of order: the next waiter takes each freed slot.
    gates[2]!.resolve('r2');
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    for (const [i, gate] of gates.entries()) if (i !== 2) gate.resolve(`r${i}`);
    await expect(Promise.all(results)).resolves.toEqual(gates.map((_, i) => `r${i}`));
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxInFlight).toBe(4);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const runtime = createFakeRuntime();
    const limiter = createLimiter({ all: { concurrency: 1 } }, runtime);
    const failed = limiter.run('read', async () => {
      throw new Error('boom');
    });
    const next = limiter.run('read', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});

describe('limiter: rate', () => {
  it('starts at most 50 per second (Ozon), using only the injected clock', async () => {
    const runtime = createFakeRuntime({ startMs: 1_000_000 });
    const limiter = createLimiter({ all: { rate: 50, intervalMs: 1000 } }, runtime);
    const startTimes: number[] = [];
    const all = Array.from({ length: 120 }, () =>
      limiter.run('read', async () => {
        startTimes.push(runtime.clock.now());
      }),
    );
    await settle();
    expect(startTimes).toHaveLength(50);
    await runtime.advance(999);
    expect(startTimes).toHaveLength(50);
    await runtime.advance(1);
    expect(startTimes).toHaveLength(100);
    await runtime.advance(1000);
    await Promise.all(all);
    expect(startTimes).toHaveLength(120);
    // No sliding one-second window holds more than 50 starts.
    for (const t of startTimes) {
      expect(startTimes.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(50);
    }
    expect(runtime.pendingSleeps()).toBe(0);
  });

  it('holds a rate slot until intervalMs after the response, so a slow request cannot let one too many into the server window', async () => {
    // The server counts a request when it arrives, anywhere between its start and its response.
    // Counted from the start, C below would start at 1000 while the server may have seen A at
    // 299: two requests in the server's window [299, 1299) with a limit of 2, then a 429 for C.
    const runtime = createFakeRuntime({ startMs: 0 });
    const limiter = createLimiter({ all: { rate: 2, intervalMs: 1000 } }, runtime);
    const slow = deferred();
    const startTimes: Record<string, number> = {};
    const task = (name: string, wait?: Promise<string>) => async () => {
      startTimes[name] = runtime.clock.now();
      return wait ? wait : name;
    };
    const jobs = [
      limiter.run('read', task('A', slow.promise)),
      limiter.run('read', task('B')),
      limiter.run('read', task('C')),
      limiter.run('read', task('D')),
    ];
    await settle();
    expect(Object.keys(startTimes)).toEqual(['A', 'B']);
    await runtime.advance(300);
    slow.resolve('A');
    await settle();
    await runtime.advance(700); // 1000: B's slot (finished at 0) is free, A's (finished at 300) is not
    expect(startTimes).toEqual({ A: 0, B: 0, C: 1000 });
    await runtime.advance(299);
    expect(startTimes.D).toBeUndefined();
    await runtime.advance(1);
    await Promise.all(jobs);
    expect(startTimes).toEqual({ A: 0, B: 0, C: 1000, D: 1300 });
    expect(runtime.pendingSleeps()).toBe(0);
  });

  it('combines the account rule with a class rule: writes wait, reads pass', async () => {
    const runtime = createFakeRuntime();
    const limiter = createLimiter({ all: { concurrency: 4 }, write: { rate: 1, intervalMs: 1000 } }, runtime);
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
    };
    const jobs = [
      limiter.run('write', task('w1')),
      limiter.run('write', task('w2')),
      limiter.run('read', task('r1')),
      limiter.run('write', task('w3')),
      limiter.run('read', task('r2')),
    ];
    await settle();
    expect(order).toEqual(['w1', 'r1', 'r2']);
    await runtime.advance(1000);
    expect(order).toEqual(['w1', 'r1', 'r2', 'w2']);
    await runtime.advance(1000);
    await Promise.all(jobs);
    expect(order).toEqual(['w1', 'r1', 'r2', 'w2', 'w3']);
  });
});

describe('limiter: abort', () => {
  it('rejects a waiting request with the abort reason and lets the others through', async () => {
    const runtime = createFakeRuntime();
    const limiter = createLimiter({ all: { concurrency: 1 } }, runtime);
    const first = deferred();
    const running = limiter.run('read', () => first.promise);
    const controller = new AbortController();
    const ran: string[] = [];
    const aborted = limiter.run(
      'read',
      async () => {
        ran.push('aborted one');
      },
      controller.signal,
    );
    const third = limiter.run('read', async () => {
      ran.push('third');
    });
    await settle();
    expect(limiter.waiting).toBe(2);
    controller.abort(new Error('node closed'));
    await expect(aborted).rejects.toThrow('node closed');
    expect(limiter.waiting).toBe(1);
    first.resolve('done');
    await expect(running).resolves.toBe('done');
    await third;
    expect(ran).toEqual(['third']);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const limiter = createLimiter({}, createFakeRuntime());
    await expect(limiter.run('read', async () => 1, AbortSignal.abort(new Error('gone')))).rejects.toThrow(
      'gone',
    );
  });

  it('cancels its wake-up sleep when the last rate-limited waiter is aborted', async () => {
    const runtime = createFakeRuntime();
    const limiter = createLimiter({ all: { rate: 1, intervalMs: 60_000 } }, runtime);
    await limiter.run('read', async () => 1);
    const controller = new AbortController();
    const waiting = limiter.run('read', async () => 2, controller.signal);
    await settle();
    expect(runtime.pendingSleeps()).toBe(1);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(runtime.pendingSleeps()).toBe(0);
  });
});

describe('limiter: rules', () => {
  it('refuses nonsense rules', () => {
    const runtime = createFakeRuntime();
    expect(() => createLimiter({ all: { concurrency: 0 } }, runtime)).toThrow(
      /"all": concurrency must be a positive integer/,
    );
    expect(() => createLimiter({ read: { rate: 2.5 } }, runtime)).toThrow(/"read": rate/);
  });
});
