import type { FaultKind, FaultSpec, SandboxControl } from '@sellerchat/sandbox';
import type { ErrorKind, MarketplaceId } from '../../src/index.js';
import { FIXTURES } from '../../src/marketplaces/contract/fixtures.js';

/** Per-attempt timeout of the matrix clients; the slow latency case is far beyond it. */
export const MATRIX_TIMEOUT_MS = 5_000;
/** The timeout the "beyond the timeout" latency case runs its client with. */
export const SHORT_TIMEOUT_MS = 200;
/** How long the slow latency case holds each request: the handler runs after the client gave up. */
export const SLOW_LATENCY_MS = 600;
/** Retry-After the rate-limit case sends, in seconds: within what the pipeline waits out itself. */
export const RETRY_AFTER_SECONDS = 1;

type FaultBody = {
  [K in FaultKind]: Omit<Extract<FaultSpec, { kind: K }>, 'marketplace' | 'path' | 'method' | 'times'>;
}[FaultKind];

/** One way the sandbox misbehaves, and what the design promises a read does when it never stops. */
export interface FaultCase {
  name: string;
  fault(marketplace: MarketplaceId): FaultBody;
  /** The kind of error a read (retried until the budget is spent) ends with; `success` when none. */
  persistentRead: ErrorKind | 'success';
  /** The client's per-attempt timeout in this case. */
  timeoutMs: number;
  /** Sends guarded by sendOnce succeed once when the fault fires only once. */
  sendRecoversOnce: boolean;
  /** The sandbox still handles a request after the client gave up on it, this long after it came. */
  lateHandlerMs?: number;
  /** The wait the marketplace asks for, which the pipeline must honour before retrying a read. */
  retryAfterMs?: number;
}

/**
 * Every kind the sandbox injects, with the variants that matter (each 5xx status on its own, the
 * marketplace's own rate-limit status). Keyed by FaultKind so a new kind fails the typecheck
 * until it has cases here, and `sandboxFaultKinds` fails the run if the sandbox grew one.
 */
export const FAULT_CASES: Readonly<Record<FaultKind, readonly FaultCase[]>> = {
  latency: [
    {
      name: 'latency within the timeout',
      fault: () => ({ kind: 'latency', ms: 50 }),
      persistentRead: 'success',
      timeoutMs: MATRIX_TIMEOUT_MS,
      sendRecoversOnce: true,
    },
    {
      name: 'latency beyond the timeout',
      fault: () => ({ kind: 'latency', ms: SLOW_LATENCY_MS }),
      persistentRead: 'timeout',
      timeoutMs: SHORT_TIMEOUT_MS,
      lateHandlerMs: SLOW_LATENCY_MS,
      // The request may still be running when the client gives up: sendOnce must not resend.
      sendRecoversOnce: false,
    },
  ],
  status: ([500, 502, 503] as const).map((status) => ({
    name: `status ${status}`,
    fault: () => ({ kind: 'status', status }),
    // 503 is the pipeline's "slow down" besides 429 (Storeden and gateways use it so).
    persistentRead: status === 503 ? 'rate_limit' : 'marketplace',
    timeoutMs: MATRIX_TIMEOUT_MS,
    // The body is the marketplace's own error: an answer, not an ambiguous failure.
    sendRecoversOnce: false,
  })),
  'rate-limit': [
    {
      name: 'rate limit (the marketplace status, Retry-After)',
      fault: (marketplace) => ({
        kind: 'rate-limit',
        status: FIXTURES[marketplace].rateLimitStatus,
        retryAfter: RETRY_AFTER_SECONDS,
      }),
      persistentRead: 'rate_limit',
      timeoutMs: MATRIX_TIMEOUT_MS,
      // A rate-limit answer is a refusal before any work: the pipeline waits and sends again.
      sendRecoversOnce: true,
      retryAfterMs: RETRY_AFTER_SECONDS * 1000,
    },
  ],
  reset: [
    {
      name: 'reset',
      fault: () => ({ kind: 'reset' }),
      persistentRead: 'network',
      timeoutMs: MATRIX_TIMEOUT_MS,
      sendRecoversOnce: true,
    },
  ],
  truncated: [
    {
      name: 'truncated body',
      fault: () => ({ kind: 'truncated' }),
      persistentRead: 'marketplace',
      timeoutMs: MATRIX_TIMEOUT_MS,
      sendRecoversOnce: true,
    },
  ],
  html: [
    {
      name: 'html 502 page',
      fault: () => ({ kind: 'html' }),
      persistentRead: 'marketplace',
      timeoutMs: MATRIX_TIMEOUT_MS,
      sendRecoversOnce: true,
    },
  ],
  'lost-response': [
    {
      name: 'lost response',
      fault: () => ({ kind: 'lost-response' }),
      persistentRead: 'network',
      timeoutMs: MATRIX_TIMEOUT_MS,
      sendRecoversOnce: true,
    },
  ],
};

export const ALL_FAULT_CASES: readonly FaultCase[] = Object.values(FAULT_CASES).flat();

/**
 * The kinds the sandbox accepts, read from its own refusal of an unknown kind (FAULT_KINDS is
 * not exported): the one list of kinds it has, so the matrix cannot drift from it unnoticed.
 */
export function sandboxFaultKinds(control: SandboxControl): string[] {
  try {
    control.addFault({ kind: 'no-such-fault-kind' });
  } catch (error) {
    const match = /must be one of (.+?) \(got/.exec(error instanceof Error ? error.message : '');
    if (match?.[1]) return match[1].split(', ');
  }
  throw new Error(
    'the sandbox accepted an unknown fault kind, or no longer lists its kinds when refusing one',
  );
}
