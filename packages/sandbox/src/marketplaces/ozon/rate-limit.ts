import { OzonHttpError } from './errors.js';

const WINDOW_MS = 1000;

/** Requests per Client-Id in the last second (sliding), on the sandbox clock. */
export class PerSecondLimit {
  readonly #recent = new Map<string, number[]>();

  /** Count one request, or throw 429 with the documented message. */
  hit(clientId: string, limit: number, now: number): void {
    const recent = (this.#recent.get(clientId) ?? []).filter((at) => at > now - WINDOW_MS && at <= now);
    if (recent.length >= limit) {
      this.#recent.set(clientId, recent);
      throw new OzonHttpError(429, 'You have reached request rate limit per second');
    }
    recent.push(now);
    this.#recent.set(clientId, recent);
  }

  clear(): void {
    this.#recent.clear();
  }
}
