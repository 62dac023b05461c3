import { describe, expect, it } from 'vitest';
import { type Harness, metroHarness } from './testing/harness.js';

/** Median time of `runs` calls, in ms: the median shrugs off a GC pause or a busy neighbour. */
async function medianMs(runs: number, call: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

const page = (h: Harness, offset: number) =>
  h.get('/openapi/v1/chats', [
    ['limit', '20'],
    ['offset', String(offset)],
  ]);

describe('Metro with 10,000 chats', () => {
  it('seeds them, and an unfiltered page costs about what it costs with 100 chats', async () => {
    const small = metroHarness(100);
    const start = performance.now();
    const big = metroHarness(10_000);
    const seedMs = performance.now() - start;
    expect(seedMs).toBeLessThan(5_000);
    expect((await page(big, 0)).body.metadata.total).toBe(10_000);

    // Warm both up so JIT compilation is not what gets measured.
    await medianMs(30, () => page(small, 40));
    await medianMs(30, () => page(big, 40));
    const smallMs = await medianMs(60, () => page(small, 40));
    const bigFirst = await medianMs(60, () => page(big, 40));
    const bigDeep = await medianMs(60, () => page(big, 9_960));
    // 100x the chats; a per-request scan would show up as a large multiple, a slice does not.
    expect(bigFirst).toBeLessThan(Math.max(smallMs * 5, 2));
    expect(bigDeep).toBeLessThan(Math.max(smallMs * 5, 2));
  });

  it('keeps activity order as messages arrive: a buyer reply moves its chat to the front', async () => {
    const h = metroHarness(10_000);
    const last = (await page(h, 9_980)).body.data.at(-1);
    h.ctx.advance(1000);
    h.metro.buyerWrite(last.id, 'back again');
    const first = (await page(h, 0)).body.data[0];
    expect(first.id).toBe(last.id);
    const sendStart = performance.now();
    for (let i = 0; i < 200; i++) h.metro.buyerWrite(last.id, `msg ${i}`);
    expect(performance.now() - sendStart).toBeLessThan(1_000);
    const unseen = await h.get('/openapi/v1/chats/unseen');
    expect(unseen.body.data.chats[0].id).toBe(last.id);
  });
});
