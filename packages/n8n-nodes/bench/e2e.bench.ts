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
import type { INodeExecutionData, IRun } from 'n8n-workflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Delivery, PushTriggerServer } from '../test/harness/webhook-server.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from '../test/support/sandbox.js';
import { AutoReplyWorkflow } from './support/auto-reply-workflow.js';
import { machineLine, markdownTable, percentile, sleep, until } from './support/report.js';
import { SandboxTap } from './support/sandbox-tap.js';

const LATENCY_MESSAGES = Number(process.env.BENCH_LATENCY_MESSAGES ?? 100);
const POLL_INTERVAL_MS = 1_000;
/** Buyer messages on the poll path land at every phase of the poll cycle. */
const POLL_SPACING_MS = 290;
/** Far above a push reply's latency, so replies never queue behind each other. */
const PUSH_SPACING_MS = 100;
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 25);
const CHATS = 1_300;

let sb: Sandbox;
let tap: SandboxTap;
const servers: PushTriggerServer[] = [];
/** Every execution the bench started, and how it ended. */
const executions: Array<Promise<IRun>> = [];
const failures: string[] = [];
let repliesSent = 0;

beforeAll(async () => {
  sb = await startTestSandbox(CHATS);
  tap = new SandboxTap(sb);
});
afterAll(async () => {
  for (const mp of ['yandex', 'ozon']) sb?.control.clearPush(mp);
  await sb?.control.pushIdle();
  await Promise.allSettled(executions);
  for (const server of servers) await server.close();
  await sb?.close();
});

function writableChats(mp: MarketplaceId): string[] {
  return sb.control
    .threads(mp)
    .filter((t) => !/closed|archived|finished|arbiter/i.test(t.status))
    .filter((t) => mp !== 'ozon' || (t.context?.scheme !== 'FBO' && t.context?.chatType !== 'Seller_Support'))
    .map((t) => t.chatId);
}

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

async function measureLatency(mp: MarketplaceId, spacingMs: number): Promise<number[]> {
  const chats = writableChats(mp);
  tap.watchReplies(mp);
  const written: Array<{ text: string; at: number }> = [];
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    const text = `latency ${mp} #${i}`;
    const at = Date.now();
    sb.control.buyerWrite(mp, { chatId: chats[i % chats.length]!, text });
    written.push({ text, at });
    await sleep(spacingMs);
  }
  await until(() => written.every((w) => tap.replies.has(`re: ${w.text}`)), `every ${mp} reply`, 30_000);
  tap.stopWatching(mp);
  return written.map((w) => tap.replies.get(`re: ${w.text}`)! - w.at);
}

async function measureOzonThroughput(requestsPerReply: number) {
  const allowed = Number(sb.control.settings('ozon').rateLimitPerSecond);
  const chats = writableChats('ozon');
  // Enough replies to keep the limit busy for BURST_SECONDS, one buyer message per chat.
  const burst = Math.min(chats.length, Math.ceil((BURST_SECONDS * allowed) / requestsPerReply));
  const before = repliesSent;
  const failedBefore = failures.length;
  const firstAnswer = tap.answers.length;
  for (let i = 0; i < burst; i++) sb.control.buyerWrite('ozon', { chatId: chats[i]!, text: `burst #${i}` });
  await until(
    () => repliesSent - before + failures.length - failedBefore >= burst,
    `${burst} Ozon executions`,
    120_000,
  );
  const sentTimes = tap.answers
    .slice(firstAnswer)
    .filter((a) => a.marketplace === 'ozon' && a.path.endsWith('/chat/send/message') && a.status < 300)
    .map((a) => a.at);
  const first = Math.min(...sentTimes);
  const last = Math.max(...sentTimes);
  const seconds = (last - first) / 1000;
  // Requests between the first and the last reply: the window in which the limit was the bottleneck.
  const requests = tap.count('ozon', first, last);
  return {
    burst,
    replies: repliesSent - before,
    failed: failures.length - failedBefore,
    seconds,
    repliesPerSecond: (sentTimes.length - 1) / seconds,
    requestsPerSecond: (requests - 1) / seconds,
    allowed,
    fraction: (requests - 1) / seconds / allowed,
    requestsPerReply: requests / sentTimes.length,
  };
}

it('prints buyer message → reply latency and auto-reply throughput under the rate limits', async () => {
  const started = Date.now();
  const metro = new AutoReplyWorkflow('metro', 'poll', sandboxCredentials(sb, 'metro'));
  const polling = startPolling(metro);
  await polling.firstPoll;
  const rows: Array<{ path: string; marketplace: string; note: string; samples: number[] }> = [];
  try {
    rows.push({
      path: 'poll',
      marketplace: 'metro',
      note: `polled every ${POLL_INTERVAL_MS / 1000} s, messages every ${POLL_SPACING_MS} ms`,
      samples: await measureLatency('metro', POLL_SPACING_MS),
    });
  } finally {
    await polling.stop();
  }
  let ozonRequestsPerReply = 2;
  for (const mp of ['yandex', 'ozon'] as const) {
    await startPush(mp, new AutoReplyWorkflow(mp, 'push', sandboxCredentials(sb, mp)));
    const from = Date.now();
    const samples = await measureLatency(mp, PUSH_SPACING_MS);
    rows.push({ path: 'push', marketplace: mp, note: `messages every ${PUSH_SPACING_MS} ms`, samples });
    if (mp === 'ozon') ozonRequestsPerReply = tap.count('ozon', from, Date.now()) / LATENCY_MESSAGES;
  }
  const latencyFailures = failures.length;
  const throughput = await measureOzonThroughput(ozonRequestsPerReply);
  const rateLimitFailures = failures.filter((f) => /rate/i.test(f)).length;

  console.log(
    [
      '',
      markdownTable(
        'n8n (n8n-core WorkflowExecute): buyer message → seller reply latency (ms)',
        ['path', 'marketplace', 'messages', 'p50', 'p95', 'p99', 'max', 'setup'],
        rows.map((r) => [
          r.path,
          r.marketplace,
          r.samples.length,
          percentile(r.samples, 50),
          percentile(r.samples, 95),
          percentile(r.samples, 99),
          Math.max(...r.samples),
          r.note,
        ]),
      ),
      markdownTable(
        'n8n (n8n-core WorkflowExecute): auto-reply throughput, Ozon push, sandbox rate limit on',
        [
          'burst',
          'replies',
          'seconds',
          'replies/s',
          'Ozon requests/s',
          'allowed (sandbox)',
          'fraction of allowed',
          'requests per reply',
          'rate-limit answers (sandbox)',
          'failed executions (rate limit)',
        ],
        [
          [
            throughput.burst,
            throughput.replies,
            throughput.seconds.toFixed(1),
            throughput.repliesPerSecond.toFixed(1),
            throughput.requestsPerSecond.toFixed(1),
            `${throughput.allowed}/s`,
            `${(100 * throughput.fraction).toFixed(1)}%`,
            throughput.requestsPerReply.toFixed(2),
            JSON.stringify(tap.rateLimited(started)),
            `${failures.length} (${rateLimitFailures})`,
          ],
        ],
      ),
      machineLine(),
      '',
    ].join('\n'),
  );
  if (failures.length > 0) console.log(`first failure: ${failures[0]}`);
  expect(latencyFailures).toBe(0);
  expect(throughput.replies + throughput.failed).toBe(throughput.burst);
});
