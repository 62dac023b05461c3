// The one plan of the host packages' end-to-end benches (Node-RED and n8n): the same load on both,
// so their tables in docs/benchmarks.md compare the hosts and nothing else.

export interface ReplyBenchPlan {
  /** Buyer messages per latency row (BENCH_LATENCY_MESSAGES). */
  latencyMessages: number;
  /** Buyer messages on the poll path land at every phase of a 1 s poll cycle. */
  pollSpacingMs: number;
  /** Far above a push reply's latency, so replies never queue behind each other. */
  pushSpacingMs: number;
  /** How long the throughput burst should keep the marketplace's limit busy (BENCH_BURST_SECONDS). */
  burstSeconds: number;
  /** Seeded chats per marketplace: enough for a burst of one buyer message per chat. */
  chats: number;
}

/** The plan, with the two sizes a quick run may shrink taken from `env` (pass process.env). */
export function replyBenchPlan(env: Record<string, string | undefined>): ReplyBenchPlan {
  return {
    latencyMessages: Number(env.BENCH_LATENCY_MESSAGES ?? 100),
    pollSpacingMs: 290,
    pushSpacingMs: 100,
    burstSeconds: Number(env.BENCH_BURST_SECONDS ?? 25),
    chats: 1_300,
  };
}

/**
 * Buyer messages for a burst that keeps a limit of `allowed` requests/s busy for the plan's
 * seconds, one per chat: a chat's second message would arrive in the same history read and
 * change what is measured.
 */
export function burstSize(
  plan: ReplyBenchPlan,
  chats: number,
  allowed: number,
  requestsPerReply: number,
): number {
  return Math.min(chats, Math.ceil((plan.burstSeconds * allowed) / requestsPerReply));
}
