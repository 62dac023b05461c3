import type { MarketplaceId } from '@sellerchat/core';
import type { ContextStore } from './red.js';

/** Where a trigger keeps its watcher state between polls, redeploys and restarts. */
export interface StateStore {
  /** The context store's name; undefined is Node-RED's default store. */
  readonly storeName: string | undefined;
  load(): Promise<unknown>;
  save(state: unknown): Promise<void>;
}

export const STATE_KEY = 'sellerchat-watcher';

/**
 * The saved record: the state plus whose it is, so a state never feeds another account's
 * watcher (a position in the sandbox means nothing in production; its times may even lie ahead).
 */
export interface SavedState {
  version: 1;
  marketplace: MarketplaceId;
  /** AccountSettings.owner: a hash, never a credential. */
  owner: string;
  state: unknown;
}

interface StoreSetting {
  module?: unknown;
}

function isPersistent(setting: unknown): boolean {
  const module = (setting as StoreSetting | undefined)?.module;
  // 'memory' is the only store Node-RED ships that forgets on restart; any other module persists.
  return module !== undefined && module !== 'memory';
}

/**
 * Which context store a trigger uses. A name set in the node wins. Otherwise the default store
 * when it persists, else the first persistent store in settings.js `contextStorage`, else none
 * (undefined: Node-RED's default, the memory store).
 */
export function chooseStore(configured: string | undefined, contextStorage: unknown): string | undefined {
  const name = configured?.trim();
  if (name) return name;
  if (typeof contextStorage !== 'object' || contextStorage === null) return undefined;
  const stores = contextStorage as Record<string, unknown>;
  const fallback = stores.default;
  // settings.js may name another store as the default: `default: 'file'`.
  if (typeof fallback === 'string' && isPersistent(stores[fallback])) return fallback;
  if (isPersistent(fallback)) return 'default';
  return Object.keys(stores).find((key) => key !== 'default' && isPersistent(stores[key]));
}

export function contextStateStore(context: ContextStore, storeName: string | undefined): StateStore {
  return {
    storeName,
    load: () =>
      new Promise((resolve, reject) => {
        context.get(STATE_KEY, storeName, (err, value) => (err ? reject(err) : resolve(value)));
      }),
    save: (state) =>
      new Promise((resolve, reject) => {
        context.set(STATE_KEY, state, storeName, (err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** The saved watcher state of this account, or undefined (none yet, or another account's). */
export function stateFor(saved: unknown, marketplace: MarketplaceId, owner: string): unknown {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const record = saved as Partial<SavedState>;
  if (record.version !== 1 || record.marketplace !== marketplace || record.owner !== owner) return undefined;
  return record.state;
}

export function savedState(marketplace: MarketplaceId, owner: string, state: unknown): SavedState {
  return { version: 1, marketplace, owner, state };
}
