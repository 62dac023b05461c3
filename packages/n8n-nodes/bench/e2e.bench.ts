/**
 * End to end through n8n's execution engine (n8n-core's WorkflowExecute, as the tests' harness
 * runs it): a SellerChat trigger → the SellerChat node sending `re: <text>` in the same chat,
 * against the sandbox over loopback HTTP with its rate limits on.
 * Run: `pnpm --filter n8n-nodes-sellerchat bench`. It prints tables; it is a measurement, not a
 * timed test (the checks are that every buyer message got exactly its reply).
 *
 * Poll path: the bench polls as n8n's active-workflow manager does, every POLL_INTERVAL_MS
 * (n8n's own shortest interval is a minute; poll latency is about half the interval), and starts
 * an execution whenever a poll fires. Push path: the push trigger's webhook on a real HTTP
 * server (test/harness/webhook-server.ts); each webhook call that emits starts an execution.
 * Latency and throughput are measured as in packages/node-red/bench/e2e.bench.ts.
 */
import type { MarketplaceId } from '@sellerchat/core';
import {
  AnswerTap,
  type LatencyRow,
  latencyTable,
  machineLine,
  measureReplyLatency,
  replyBenchPlan,
  sendBurst,
  sleep,
  throughputTable,
} from '@sellerchat/sandbox/testing';
import type { INodeExecutionData, IRun } from 'n8n-workflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Delivery, PushTriggerServer } from '../test/harness/webhook-server.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from '../test/support/sandbox.js';
import { AutoReplyWorkflow } from './support/auto-reply-workflow.js';

/** The load both host benches share (BENCH_LATENCY_MESSAGES, BENCH_BURST_SECONDS shrink it). */
const PLAN = replyBenchPlan(process.env);
const POLL_INTERVAL_MS = 1_000;

let sb: Sandbox;
let tap: AnswerTap;
const servers: PushTriggerServer[] = [];
/** Every execution the bench started, and how it ended. */
const executions: Array<Promise<IRun>> = [];
const failures: string[] = [];
let repliesSent = 0;

beforeAll(async () => {
  sb = await startTestSandbox(PLAN.chats);
  tap = new AnswerTap(sb);
});
afterAll(async () => {
  for (const mp of ['yandex', 'ozon']) sb?.control.clearPush(mp);
  await sb?.control.pushIdle();
  await Promise.allSettled(executions);
  for (const server of servers) await server.close();
  await sb?.close();
});

/** Starts an execution and keeps count of its replies and failures, without waiting for it. */
function execute(wf: AutoReplyWorkflow, items: INodeExecutionData[]): void {
  const run = wf.run(items).then((result) => {
    const error = result.data.resultData.error;
    if (error) failures.push(error.message);
    repliesSent += result.data.resultData.runData.Reply?.[0]?.data?.main?.[0]?.length ?? 0;
    return result;
  });
  executions.push(run);
}

/** Polls every POLL_INTERVAL_MS until stopped, starting an execution whenever a poll fires. */
function startPolling(wf: AutoReplyWorkflow): { firstPoll: Promise<void>; stop: () => Promise<void> } {
  let stopped = false;
  let markFirst!: () => void;
  const firstPoll = new Promise<void>((resolve) => {
    markFirst = resolve;
  });
  const loop = (async () => {
    while (!stopped) {
      const tick = Date.now();
      const items = await wf.poll();
      markFirst();
      if (items) execute(wf, items);
      await sleep(Math.max(0, tick + POLL_INTERVAL_MS - Date.now()));
    }
  })();
  return {
    firstPoll,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/** The push trigger's webhook server; each delivery that emits events starts an execution. */
async function startPush(mp: 'yandex' | 'ozon', wf: AutoReplyWorkflow): Promise<void> {
  const server = new PushTriggerServer({ marketplace: mp, event: 'messages' }, sandboxCredentials(sb, mp));
  servers.push(server);
  const deliveries: Delivery[] = [];
  deliveries.push = (...added: Delivery[]) => {
    for (const d of added) if (d.emitted && d.emitted.length > 0) execute(wf, d.emitted);
    return Array.prototype.push.apply(deliveries, added);
  };
  server.deliveries = deliveries;
  await server.start();
  await server.lifecycle('create');
  sb.control.setPush(mp, { url: server.webhookUrl() });
  await sb.control.pushIdle();
}

/** The workflow answers each buyer text with `re: <text>`. */
const measureLatency = (marketplace: MarketplaceId, spacingMs: number) =>
  measureReplyLatency(sb, tap, marketplace, { messages: PLAN.latencyMessages, spacingMs });

async function measureOzonThroughput(requestsPerReply: number) {
  const before = repliesSent;
  const failedBefore = failures.length;
  const result = await sendBurst(sb, tap, PLAN, {
    marketplace: 'ozon',
    sendPath: '/chat/send/message',
    requestsPerReply,
    // A failed execution deals with its message too: the burst must not wait for it forever.
    handled: () => repliesSent + failures.length,
  });
  return { ...result, replies: repliesSent - before, failed: failures.length - failedBefore };
}

it('prints buyer message → reply latency and auto-reply throughput under the rate limits', async () => {
  const started = Date.now();
  const metro = new AutoReplyWorkflow('metro', 'poll', sandboxCredentials(sb, 'metro'));
  const polling = startPolling(metro);
  await polling.firstPoll;
  const rows: LatencyRow[] = [];
  try {
    rows.push({
      path: 'poll',
      marketplace: 'metro',
      note: `polled every ${POLL_INTERVAL_MS / 1000} s, messages every ${PLAN.pollSpacingMs} ms`,
      samples: await measureLatency('metro', PLAN.pollSpacingMs),
    });
  } finally {
    await polling.stop();
  }
  let ozonRequestsPerReply = 2;
  for (const mp of ['yandex', 'ozon'] as const) {
    await startPush(mp, new AutoReplyWorkflow(mp, 'push', sandboxCredentials(sb, mp)));
    const from = Date.now();
    const samples = await measureLatency(mp, PLAN.pushSpacingMs);
    rows.push({ path: 'push', marketplace: mp, note: `messages every ${PLAN.pushSpacingMs} ms`, samples });
    if (mp === 'ozon') ozonRequestsPerReply = tap.count('ozon', from, Date.now()) / PLAN.latencyMessages;
  }
  const latencyFailures = failures.length;
  const throughput = await measureOzonThroughput(ozonRequestsPerReply);
  const rateLimitFailures = failures.filter((f) => /rate/i.test(f)).length;

  console.log(
    [
      latencyTable('n8n (n8n-core WorkflowExecute): buyer message → seller reply latency (ms)', rows),
      throughputTable(
        'n8n (n8n-core WorkflowExecute): auto-reply throughput, Ozon push, sandbox rate limit on',
        {
          ...throughput,
          rateLimitAnswers: tap.rateLimited(started),
          errors: `${failures.length} (${rateLimitFailures})`,
        },
        { marketplace: 'Ozon', errors: 'failed executions (rate limit)' },
      ),
      machineLine(),
      '',
    ].join('\n'),
  );
  if (failures.length > 0) console.log(`first failure: ${failures[0]}`);
  expect(latencyFailures).toBe(0);
  expect(throughput.replies + throughput.failed).toBe(throughput.burst);
});
