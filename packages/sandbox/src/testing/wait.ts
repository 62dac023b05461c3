// Waiting on a condition, not a fixed time: a load test or bench stays as fast as the system it
// drives, and a condition that never comes fails with its name instead of hanging.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once `check()` is true; rejects naming `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
