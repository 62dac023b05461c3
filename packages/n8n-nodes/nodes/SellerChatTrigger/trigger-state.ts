import type { MarketplaceId, WatcherState } from '@sellerchat/core';
import type { IDataObject } from 'n8n-workflow';
import { accountIdentity } from '../SellerChat/transport/account-limiters.js';

/**
 * What the trigger keeps in workflow static data ('node'): n8n saves it after every poll and
 * restores it after a restart, on whichever main instance polls (queue mode), so nothing lives
 * in memory between polls. The account key ties the state to one account: switching the
 * marketplace or the account starts over with the first-run policy instead of reusing a cursor
 * that means nothing there.
 */
export interface StoredTrigger {
  account: string;
  watcher: WatcherState;
}

export function readStored(staticData: IDataObject, account: string): WatcherState | undefined {
  const stored = staticData.sellerChat as StoredTrigger | undefined;
  if (!stored || typeof stored !== 'object' || stored.account !== account) return undefined;
  return stored.watcher;
}

export function writeStored(staticData: IDataObject, account: string, watcher: WatcherState): void {
  staticData.sellerChat = { account, watcher } satisfies StoredTrigger as unknown as IDataObject;
}

/** Identifies the account without holding a secret: marketplace, base URL and the public id. */
export function accountKey(marketplace: MarketplaceId, credentials: IDataObject): string {
  // n8n's credential fields carry the core's names, so the limiter registry's reading applies.
  const id = accountIdentity(marketplace, credentials as never).trim();
  // Only a short prefix of Storeden's key, which is not secret but need not be stored whole.
  const shown = marketplace === 'storeden' ? id.slice(0, 6) : id;
  return `${marketplace}|${String(credentials.baseUrl ?? '').trim()}|${shown}`;
}
