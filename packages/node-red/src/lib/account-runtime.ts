import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  type Capabilities,
  capabilitiesOf,
  type Logger,
  type MarketplaceClient,
  type MarketplaceId,
  ValidationError,
} from '@sellerchat/core';
import { createAxiosTransport, createNodeClient } from '@sellerchat/core/axios';
import axios from 'axios';
import { abortableTransport } from './abortable-transport.js';
import {
  type AccountConfig,
  type AccountCredentials,
  type AccountSettings,
  accountSettings,
} from './account-settings.js';
import { currentListener, type OperationListener, runInScope } from './operation-scope.js';

/** Anything the account must stop when it closes (a trigger's watch, a push route). */
export interface Closeable {
  close(): Promise<void>;
}

/** How long a closing account lets sends and other actions under way finish before it aborts them. */
const ACTION_GRACE_MS = 5_000;

/** The core logs each retry; a rate-limit retry becomes a status on the node that is waiting. */
const rateLimitLogger: Logger = {
  debug() {},
  warn(_message, data) {
    if (data?.kind !== 'rate_limit') return;
    // The core hands the wait over as data (delayMs); its message text is for people, not parsing.
    const delay = data.delayMs;
    if (typeof delay === 'number' && Number.isFinite(delay)) currentListener()?.rateLimited(delay);
  },
};

/**
 * What a sellerchat-account node owns: one client (so one limiter) per account, its HTTP agents,
 * and every watch the account's triggers run. `close()` leaves no timer, socket or route behind.
 */
export class AccountRuntime {
  readonly id: string;
  readonly marketplace: MarketplaceId | undefined;
  readonly #settings: AccountSettings | undefined;
  readonly #problem: Error | undefined;
  readonly #abort = new AbortController();
  readonly #agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  readonly #owned = new Set<Closeable>();
  readonly #inFlight = new Set<Promise<unknown>>();
  #client: MarketplaceClient | undefined;
  #closed = false;

  constructor(config: AccountConfig, credentials: AccountCredentials | undefined) {
    this.id = config.id;
    let settings: AccountSettings | undefined;
    let problem: Error | undefined;
    try {
      settings = accountSettings(config, credentials ?? {});
    } catch (error) {
      problem = error instanceof Error ? error : new Error(String(error));
    }
    this.#settings = settings;
    this.#problem = problem;
    this.marketplace = settings?.marketplace;
  }

  /** Why the account cannot work (a missing credential, a bad URL), or undefined. */
  get problem(): Error | undefined {
    return this.#problem;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The account's one client; throws the account's configuration problem, before any request. */
  client(): MarketplaceClient {
    if (this.#closed) {
      throw new ValidationError('The SellerChat account was closed (redeploy or shutdown)', {
        field: 'account',
        ...(this.marketplace ? { marketplace: this.marketplace } : {}),
      });
    }
    if (this.#problem || !this.#settings) throw this.#problem;
    if (!this.#client) {
      const instance = axios.create({ httpAgent: this.#agents.http, httpsAgent: this.#agents.https });
      const transport = abortableTransport(createAxiosTransport({ instance }), this.#abort.signal);
      this.#client = createNodeClient({ ...this.#settings.client, transport, logger: rateLimitLogger });
    }
    return this.#client;
  }

  /** Whose a trigger's saved position is (see AccountSettings.owner). */
  get owner(): string {
    if (!this.#settings) throw this.#problem;
    return this.#settings.owner;
  }

  capabilities(): Capabilities {
    if (!this.marketplace) throw this.#problem;
    return capabilitiesOf(this.marketplace);
  }

  /**
   * Runs one node operation on the account's client: rate-limit waits reach `listener`, and a
   * closing account waits for it (a reply being sent must not be cut off by a redeploy).
   */
  run<T>(listener: OperationListener, task: () => Promise<T>): Promise<T> {
    const running = runInScope(listener, task);
    this.#inFlight.add(running);
    const forget = () => this.#inFlight.delete(running);
    running.then(forget, forget);
    return running;
  }

  /** Ties `thing` to the account's life: the account closes it when it closes. */
  own(thing: Closeable): void {
    this.#owned.add(thing);
  }

  release(thing: Closeable): void {
    this.#owned.delete(thing);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const owned = [...this.#owned];
    this.#owned.clear();
    await Promise.allSettled(owned.map((thing) => thing.close()));
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.#inFlight]),
      new Promise((resolve) => {
        grace = setTimeout(resolve, ACTION_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
    this.#abort.abort(new Error('the SellerChat account was closed'));
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }
}
