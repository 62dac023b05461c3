import type { MarketplaceId } from '../types.js';

interface FaultBase {
  /** The marketplace whose API misbehaves; absent means every marketplace. */
  marketplace?: MarketplaceId;
  /** Path below the marketplace's base path; `*` matches any characters; absent means every path. */
  path?: string;
  /** Absent means every method. */
  method?: string;
  /** Apply this many times, then the fault clears itself; absent means until DELETE /_sandbox/faults. */
  times?: number;
}

export type FaultSpec = FaultBase &
  (
    | { kind: 'latency'; ms: number }
    | { kind: 'status'; status: 500 | 502 | 503; body?: unknown }
    | { kind: 'rate-limit'; status: 429 | 420 | 509; retryAfter?: number | string }
    | { kind: 'reset' }
    | { kind: 'truncated' }
    | { kind: 'html' }
    | { kind: 'lost-response' }
  );

export type FaultKind = FaultSpec['kind'];

export type FaultRecord = FaultSpec & { id: string; applied: number };

export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  'status',
  'rate-limit',
  'reset',
  'truncated',
  'html',
  'lost-response',
];
