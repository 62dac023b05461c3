const DAY_MS = 86_400_000;

/**
 * Storeden's 100,000 requests per 24 h for the whole Connect API. The docs do not say when
 * the 24 h start; the sandbox opens a window at the first counted request and starts a new
 * one 24 h later (on the sandbox clock, so tests can shift past it).
 */
export class DailyBudget {
  #windowStart: number | undefined;
  #used = 0;

  /** Counts one request; false when the budget is used up (the request must do nothing). */
  take(now: number, limit: number): boolean {
    if (this.#windowStart === undefined || now - this.#windowStart >= DAY_MS) {
      this.#windowStart = now;
      this.#used = 0;
    }
    if (this.#used >= limit) return false;
    this.#used += 1;
    return true;
  }

  clear(): void {
    this.#windowStart = undefined;
    this.#used = 0;
  }
}
