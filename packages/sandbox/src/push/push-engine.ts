import type { MarketplaceId, PushDeliveryRecord, PushNotification, PushTarget } from '../types.js';
import { checkPushReply } from './check-push-reply.js';
import { postJson } from './post-json.js';
import { retryDelayMs } from './retry-schedule.js';

export interface PushConfig extends PushTarget {
  /** Multiplies the retry gaps (1 = the real minutes; 0.001 turns 10 min into 0.6 s). */
  retryScale?: number;
}

interface Job {
  marketplace: MarketplaceId;
  notification: PushNotification;
  sequence: number;
  copy: number;
  attempt: number;
}

/** Records kept per marketplace; older ones are dropped so a long demo stays small. */
const MAX_RECORDS = 2000;

/**
 * Sends the notifications modules queue with ctx.push: one attempt at a time per marketplace,
 * first attempts in the order they were queued; a failed attempt is retried on the
 * marketplace's schedule (scaled), while later notifications go ahead meanwhile.
 */
export class PushEngine {
  readonly #targets = new Map<MarketplaceId, PushConfig>();
  readonly #queues = new Map<MarketplaceId, Job[]>();
  readonly #busy = new Set<MarketplaceId>();
  readonly #records = new Map<MarketplaceId, PushDeliveryRecord[]>();
  readonly #sequences = new Map<MarketplaceId, number>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #abort = new AbortController();
  #idleWaiters: Array<() => void> = [];
  #closed = false;

  constructor(private readonly options: { retryScale: number; now: () => number }) {}

  configure(marketplace: MarketplaceId, config: PushConfig | undefined): void {
    if (config) this.#targets.set(marketplace, { ...config });
    else this.#targets.delete(marketplace);
  }

  target(marketplace: MarketplaceId): PushConfig | undefined {
    const config = this.#targets.get(marketplace);
    return config ? { ...config } : undefined;
  }

  /** Queue a notification; without a configured URL it is dropped, as a marketplace would. */
  push(marketplace: MarketplaceId, notification: PushNotification): void {
    const config = this.#targets.get(marketplace);
    if (!config || this.#closed) return;
    const sequence = (this.#sequences.get(marketplace) ?? 0) + 1;
    this.#sequences.set(marketplace, sequence);
    const queue = this.#queue(marketplace);
    queue.push({ marketplace, notification, sequence, copy: 1, attempt: 1 });
    if (config.duplicate) queue.push({ marketplace, notification, sequence, copy: 2, attempt: 1 });
    this.#pump(marketplace);
  }

  deliveries(marketplace: MarketplaceId): PushDeliveryRecord[] {
    return [...(this.#records.get(marketplace) ?? [])];
  }

  /** Resolves once nothing is queued, sending or waiting for a retry. */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Forget targets, queues, pending retries and records (control reset). */
  reset(): void {
    this.#cancelAll();
    this.#targets.clear();
    this.#records.clear();
    this.#sequences.clear();
    this.#abort = new AbortController();
    this.#wakeIdle();
  }

  close(): void {
    this.#closed = true;
    this.#cancelAll();
    this.#wakeIdle();
  }

  #cancelAll(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#queues.clear();
    this.#abort.abort();
  }

  #queue(marketplace: MarketplaceId): Job[] {
    let queue = this.#queues.get(marketplace);
    if (!queue) {
      queue = [];
      this.#queues.set(marketplace, queue);
    }
    return queue;
  }

  #pump(marketplace: MarketplaceId): void {
    if (this.#closed || this.#busy.has(marketplace)) return;
    const job = this.#queues.get(marketplace)?.shift();
    if (!job) {
      this.#wakeIdle();
      return;
    }
    this.#busy.add(marketplace);
    const signal = this.#abort.signal;
    void this.#attempt(job, signal).finally(() => {
      this.#busy.delete(marketplace);
      this.#pump(marketplace);
    });
  }

  async #attempt(job: Job, signal: AbortSignal): Promise<void> {
    const config = this.#targets.get(job.marketplace);
    if (!config) return;
    const url = deliveryUrl(job.marketplace, config);
    const startedAt = this.options.now();
    const started = performance.now();
    let status: number | undefined;
    let problem: string | undefined;
    try {
      const reply = await postJson(url, job.notification.body, job.notification.timeoutMs, signal);
      status = reply.status;
      problem = checkPushReply(job.notification.expect, reply);
    } catch (error) {
      if (signal.aborted) return;
      problem = describeNetworkError(error);
    }
    if (signal.aborted) return;
    const ms = Math.round(performance.now() - started);
    const record: PushDeliveryRecord = {
      marketplace: job.marketplace,
      body: job.notification.body,
      attempt: job.attempt,
      ok: problem === undefined,
      ms,
      url,
      at: new Date(startedAt).toISOString(),
      notification: job.sequence,
      copy: job.copy,
      ...(status !== undefined ? { status } : {}),
      ...(problem !== undefined ? { problem } : {}),
    };
    if (problem !== undefined) {
      const delay = retryDelayMs(
        job.notification.expect,
        job.attempt,
        config.retryScale ?? this.options.retryScale,
      );
      if (delay === undefined) record.gaveUp = true;
      else this.#scheduleRetry({ ...job, attempt: job.attempt + 1 }, delay);
    }
    this.#record(record);
  }

  #scheduleRetry(job: Job, delayMs: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#queue(job.marketplace).push(job);
      this.#pump(job.marketplace);
    }, delayMs);
    this.#timers.add(timer);
  }

  #record(record: PushDeliveryRecord): void {
    const records = this.#records.get(record.marketplace) ?? [];
    records.push(record);
    if (records.length > MAX_RECORDS) records.splice(0, records.length - MAX_RECORDS);
    this.#records.set(record.marketplace, records);
  }

  #isIdle(): boolean {
    if (this.#busy.size > 0 || this.#timers.size > 0) return false;
    for (const queue of this.#queues.values()) if (queue.length > 0) return false;
    return true;
  }

  #wakeIdle(): void {
    if (!this.#isIdle() && !this.#closed) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

function deliveryUrl(marketplace: MarketplaceId, config: PushConfig): string {
  if (marketplace === 'yandex' && config.appendNotificationPath) {
    const url = new URL(config.url);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/notification`;
    return url.toString();
  }
  return config.url;
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
