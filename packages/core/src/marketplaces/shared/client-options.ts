import type { Authentication } from '../../http/authentication.js';
import type { Runtime } from '../../http/clock.js';
import type { Limiter } from '../../http/limiter.js';
import type { LimitRule, Logger, RetryPolicy } from '../../http/options.js';
import type { RequestClass } from '../../http/request.js';
import type { Transport } from '../../http/transport.js';

/** What every marketplace client is built from; each adds its own credentials (and extras). */
export interface ClientOptions<Credentials> {
  credentials: Credentials;
  /** Default: the marketplace's production API. The sandbox: `${sandbox.url}/<marketplace>`. */
  baseUrl?: string;
  /**
   * How requests travel. The main entry does no I/O of its own: pass `createAxiosTransport()`
   * from `@sellerchat/core/axios`, or a host's own (n8n passes its request helper).
   */
  transport: Transport;
  /** Clock, sleep and randomness: `nodeRuntime` from `@sellerchat/core/axios` outside tests. */
  runtime: Runtime;
  /** Rules laid over the marketplace's defaults (`DEFAULT_LIMITS`), for this client's own limiter. */
  limits?: Partial<Record<RequestClass | 'all', LimitRule>>;
  /**
   * A limiter shared by every client of the same account, from `createAccountLimiter`: the
   * marketplace counts its limits per account, so clients built per run (n8n builds one per
   * execution) must share one or together they exceed it. When given, `limits` is ignored.
   */
  limiter?: Limiter;
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
  timeoutMs?: number;
  /**
   * Default `core`: the client adds the marketplace's credential headers. `host`: the host's
   * transport authenticates each request (n8n's credential does), so none are added here; the
   * credentials are still required, validated and redacted.
   */
  authentication?: Authentication;
}
