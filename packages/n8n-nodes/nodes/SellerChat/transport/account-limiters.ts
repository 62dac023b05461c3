import { createHash } from 'node:crypto';
import {
  type CredentialsByMarketplace,
  createAccountLimiter,
  type Limiter,
  type MarketplaceId,
} from '@sellerchat/core';
import { n8nRuntime } from './runtime.js';

/** Accounts whose limiters are kept; beyond that the least recently used idle one is dropped. */
export const MAX_ACCOUNTS = 100;

/**
 * One limiter per marketplace account for this n8n process. n8n builds a client per execution
 * (and per webhook call), but the marketplace counts its limits per account (Ozon's 50 requests/s
 * per Client-Id, Yandex's 4 parallel requests per business), so every client of an account must
 * wait in the same queue or concurrent executions exceed the limit together. Keyed by a SHA-256
 * of marketplace, base URL and account identity, so no secret (Metro's key, Storeden's key) is
 * kept as a key. The registry sits in a chunk the action node and both triggers share (see
 * tsup.config.mts), so one n8n process holds one. In queue mode each worker has its own: the
 * pipeline's rate-limit retry keeps that case correct.
 */
const limiters = new Map<string, Limiter>();

/** The credential field that names the account a marketplace counts its limits against. */
const IDENTITY_FIELD = {
  metro: 'clientKey',
  yandex: 'businessId',
  ozon: 'clientId',
  storeden: 'key',
} as const;

/** Which account a request counts against (Metro's and Storeden's are keys: only their hash is kept). */
export function accountIdentity<M extends MarketplaceId>(
  marketplace: M,
  credentials: CredentialsByMarketplace[M],
): string {
  const fields = credentials as unknown as Record<string, unknown>;
  return String(fields[IDENTITY_FIELD[marketplace]] ?? '');
}

function keyOf(marketplace: MarketplaceId, baseUrl: string, identity: string): string {
  return createHash('sha256')
    .update(JSON.stringify([marketplace, baseUrl, identity]))
    .digest('hex');
}

/** Drops one limiter: the least recently used idle one, else the least recently used. */
function evictOne(): void {
  for (const [key, limiter] of limiters) {
    if (limiter.active === 0 && limiter.waiting === 0) {
      limiters.delete(key);
      return;
    }
  }
  const oldest = limiters.keys().next().value;
  if (oldest !== undefined) limiters.delete(oldest);
}

/** The limiter every client of this account shares, made with the marketplace's default rules. */
export function accountLimiter(marketplace: MarketplaceId, baseUrl: string, identity: string): Limiter {
  const key = keyOf(marketplace, baseUrl, identity);
  const known = limiters.get(key);
  if (known) {
    // Re-inserted: a Map iterates in insertion order, so the front is the least recently used.
    limiters.delete(key);
    limiters.set(key, known);
    return known;
  }
  const made = createAccountLimiter(marketplace, n8nRuntime);
  limiters.set(key, made);
  while (limiters.size > MAX_ACCOUNTS) evictOne();
  return made;
}

/** How many accounts have a limiter now (for tests and diagnostics). */
export function accountLimiterCount(): number {
  return limiters.size;
}
