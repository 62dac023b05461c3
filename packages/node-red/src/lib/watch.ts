import {
  type ChatEvent,
  MARKETPLACE_NAMES,
  type MarketplaceId,
  NotSupportedError,
  ozonPushErrorReply,
  yandexPushErrorReply,
} from '@sellerchat/core';
import { nodeRuntime } from '@sellerchat/core/axios';
import type { AccountRuntime, Closeable } from './account-runtime.js';
import { Serial } from './serial.js';
import { type StateStore, savedState, stateFor } from './state-store.js';
import {
  handleOzonWatcherPush,
  handleYandexWatcherPush,
  type PushRequest,
  type PushResponse,
  poll,
  type WatcherOptions,
} from './watcher-api.js';

/** What a watch tells its trigger node. */
export interface WatchReporter {
  polling(): void;
  idle(): void;
  rateLimited(waitMs: number): void;
  /** A poll or push failed; the watch carries on at the next interval. */
  failed(error: unknown): void;
  /** Hands the events on, oldest first. The state is saved after this returns (with redelivery on: before it is called). */
  emit(events: ChatEvent[]): void;
}

export interface WatchOptions {
  intervalMs: number;
  watcher: WatcherOptions;
  store: StateStore;
  reporter: WatchReporter;
  /** Name and version answered to PING notifications. */
  identity?: { name: string; version: string };
}

/** Longest a close waits for a poll or push already under way (Node-RED allows 15 s in all). */
const CLOSE_GRACE_MS = 10_000;

/**
 * One trigger's watcher: polls on a timer and answers push notifications, both through the
 * core's watcher and one state. Polls and pushes run one at a time, the state is saved only
 * after the events were handed on (with redelivery on: just before), and after `close()`
 * nothing is emitted or saved.
 */
export class Watch implements Closeable {
  readonly #account: AccountRuntime;
  readonly #options: WatchOptions;
  readonly #serial = new Serial();
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  /** The state as last saved; read from the store once, on the first poll or push. */
  #state: { value: unknown } | undefined;

  constructor(account: AccountRuntime, options: WatchOptions) {
    this.#account = account;
    this.#options = options;
  }

  get marketplace(): MarketplaceId {
    return this.#account.capabilities().marketplace;
  }

  /** Polls now, then every interval; owned by the account, which closes it on redeploy. */
  start(): void {
    this.#account.own(this);
    this.#schedule(0);
  }

  #schedule(delayMs: number): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#tick();
    }, delayMs);
  }

  async #tick(): Promise<void> {
    let next = this.#options.intervalMs;
    await this.#serial.run(async () => {
      if (this.#closed) return;
      const reporter = this.#options.reporter;
      reporter.polling();
      try {
        const client = this.#account.client();
        const state = await this.#load();
        const result = await this.#account.run(this.#scope(), () =>
          poll(client, state as never, { ...this.#options.watcher, clock: nodeRuntime.clock }),
        );
        // Closed while polling: drop the events unsaved; the next deploy polls them again.
        if (this.#closed) return;
        await this.#deliver(result.events, result.state);
        reporter.idle();
      } catch (error) {
        if (this.#closed) return;
        const wait = (error as { kind?: string; retryAfterMs?: number }).retryAfterMs;
        if ((error as { kind?: string }).kind === 'rate_limit') {
          next = Math.max(next, wait ?? next);
          reporter.rateLimited(next);
        } else {
          reporter.failed(error);
        }
      }
    });
    this.#schedule(next);
  }

  /** Polls and pushes report rate-limit waits to the trigger and stop when it closes. */
  #scope() {
    return {
      rateLimited: (waitMs: number) => this.#options.reporter.rateLimited(waitMs),
      signal: this.#abort.signal,
    };
  }

  async #load(): Promise<unknown> {
    if (!this.#state) {
      const saved = await this.#options.store.load();
      this.#state = { value: stateFor(saved, this.marketplace, this.#account.owner) };
    }
    return this.#state.value;
  }

  /**
   * By default the events go out first and the state is saved after: a crash in between repeats
   * them, never loses them. With redelivery on, the state (which then remembers every buyer
   * message handed on until a reply follows it) is saved first: a crash after the save is mended
   * by redelivering what got no reply, and a crash after the reply repeats nothing.
   */
  async #deliver(events: ChatEvent[], state: unknown): Promise<void> {
    const saveFirst = this.#options.watcher.redeliver !== undefined;
    if (!saveFirst && events.length > 0) this.#options.reporter.emit(events);
    await this.#options.store.save(savedState(this.marketplace, this.#account.owner, state));
    this.#state = { value: state };
    // Even if the trigger closed during the save: the state now counts these as handed on.
    if (saveFirst && events.length > 0) this.#options.reporter.emit(events);
  }

  /** Answers one push notification in the marketplace's protocol, and emits what it brings. */
  async push(request: PushRequest): Promise<PushResponse> {
    const marketplace = this.marketplace;
    const handler =
      marketplace === 'yandex'
        ? handleYandexWatcherPush
        : marketplace === 'ozon'
          ? handleOzonWatcherPush
          : undefined;
    if (!handler) {
      throw new NotSupportedError(`${MARKETPLACE_NAMES[marketplace]} sends no push notifications`, {
        marketplace,
        operation: 'push',
      });
    }
    const options = { ...this.#options.watcher, clock: nodeRuntime.clock, ...this.#options.identity };
    // A PING needs no state and must be answered at once (Yandex waits 1 s): it skips the queue.
    if (isPing(request.body))
      return (await handler(this.#account.client(), undefined, request, options)).response;
    return this.#serial.run(async () => {
      if (this.#closed) return unavailable(marketplace);
      const reporter = this.#options.reporter;
      try {
        const client = this.#account.client();
        const state = await this.#load();
        const result = await this.#account.run(this.#scope(), () =>
          handler(client, state as never, request, options),
        );
        if (this.#closed) return unavailable(marketplace);
        if (result.state !== undefined && result.state !== state)
          await this.#deliver(result.events, result.state);
        if (result.response.status >= 500) reporter.failed(new Error(pushFailure(result.response)));
        return result.response;
      } catch (error) {
        if (this.#closed) return unavailable(marketplace);
        reporter.failed(error);
        return unavailable(marketplace);
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#account.release(this);
    // Whatever the poll had found is dropped unsaved: the next deploy finds it again.
    this.#abort.abort(new Error('the trigger was closed'));
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      this.#serial.idle(),
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, CLOSE_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
  }
}

function isPing(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { notificationType?: unknown; message_type?: unknown };
    return parsed?.notificationType === 'PING' || parsed?.message_type === 'TYPE_PING';
  } catch {
    return false;
  }
}

function pushFailure(response: PushResponse): string {
  try {
    const body = JSON.parse(response.body) as { error?: { message?: string } };
    return body.error?.message ?? `push answered HTTP ${response.status}`;
  } catch {
    return `push answered HTTP ${response.status}`;
  }
}

/** The marketplace's own "try again later" shape: it sends the notification again. */
function unavailable(marketplace: MarketplaceId): PushResponse {
  const message = 'The SellerChat trigger is restarting; send the notification again';
  const reply =
    marketplace === 'yandex'
      ? yandexPushErrorReply('UNKNOWN', message, 500)
      : ozonPushErrorReply('ERROR_UNKNOWN', message, 500);
  return {
    status: reply.status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reply.body),
  };
}
