/**
 * End to end through a real (embedded) Node-RED runtime: sellerchat-in → function (reply text)
 * → sellerchat-send, against the sandbox over loopback HTTP with its rate limits on.
 * Run: `pnpm --filter node-red-contrib-sellerchat bench`. It prints tables; it is a measurement,
 * not a timed test (the checks are that every buyer message got exactly its reply).
 *
 * Latency = when the sandbox answered the send request that stored the reply, minus when the
 * bench stored the buyer message through the sandbox's control API (same process, same clock;
 * Metro and Storeden stamp messages to the second only, so their own timestamps cannot serve).
 * Throughput = a burst of Ozon buyer messages, one per chat, delivered by the sandbox's push
 * engine; Ozon's limit is per Client-Id across all methods, so the fraction is of requests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MarketplaceId } from '@sellerchat/core';
import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreNodes } from '../test/support/example-flows.js';
import { allNodes, collect, helper, onTab, statuses } from '../test/support/node-red.js';
import { accountNode, sandboxCredentials } from '../test/support/sandbox.js';
import { machineLine, markdownTable, percentile, sleep, until } from './support/report.js';
import { SandboxTap } from './support/sandbox-tap.js';

const LATENCY_MESSAGES = Number(process.env.BENCH_LATENCY_MESSAGES ?? 100);
/** Seconds: the shortest interval sellerchat-in accepts; poll latency is about half of it. */
const POLL_INTERVAL_S = 1;
/** Buyer messages on the poll path land at every phase of the poll cycle. */
const POLL_SPACING_MS = 290;
/** Far above a push reply's latency, so replies never queue behind each other. */
const PUSH_SPACING_MS = 100;
/** How long the throughput burst should keep Ozon's limit busy. */
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 25);
const CHATS = 1_300;

let sb: RunningSandbox;
let tap: SandboxTap;
let front: Server;
let origin: string;
let httpNode: (req: unknown, res: unknown) => void;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 9, chats: CHATS });
  tap = new SandboxTap(sb);
  await helper.startServer();
  // The helper's httpNode app has no server of its own: this one puts the push routes on loopback.
  front = createServer((req, res) => httpNode(req, res));
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const mp of ['yandex', 'ozon']) sb?.control.clearPush(mp);
  await helper.unload();
  await helper.stopServer();
  front?.closeAllConnections();
  await new Promise((resolve) => front?.close(resolve));
  await sb?.close();
});

/** Open chats the seller may answer (Ozon: buyer chats outside FBO's send window). */
function writableChats(mp: MarketplaceId): string[] {
  return sb.control
    .threads(mp)
    .filter((t) => !/closed|archived|finished|arbiter/i.test(t.status))
    .filter((t) => mp !== 'ozon' || (t.context?.scheme !== 'FBO' && t.context?.chatType !== 'Seller_Support'))
    .map((t) => t.chatId);
}

const PATHS: Record<MarketplaceId, 'poll' | 'push'> = {
  metro: 'poll',
  yandex: 'push',
  ozon: 'push',
  storeden: 'poll',
};
const BENCHED: MarketplaceId[] = ['metro', 'yandex', 'ozon'];

function autoReplyFlow() {
  const nodes: Array<Record<string, unknown>> = [];
  const credentials: Record<string, unknown> = {};
  for (const mp of BENCHED) {
    const account = accountNode(sb, mp);
    credentials[account.id] = sandboxCredentials(sb, mp);
    const push = PATHS[mp] === 'push';
    nodes.push(
      account,
      {
        id: `in-${mp}`,
        type: 'sellerchat-in',
        account: account.id,
        events: 'messages',
        firstRun: 'now',
        // Push marketplaces: the reconcile poll stays out of the measurement.
        interval: push ? 3600 : POLL_INTERVAL_S,
        ...(push ? { push: true, pushPath: `/sellerchat/${mp}` } : {}),
        wires: [[`reply-${mp}`]],
      },
      {
        id: `reply-${mp}`,
        type: 'function',
        func: "msg.payload = 're: ' + msg.payload;\nreturn msg;",
        outputs: 1,
        wires: [[`send-${mp}`]],
      },
      { id: `send-${mp}`, type: 'sellerchat-send', account: account.id, wires: [[`sent-${mp}`]] },
      { id: `sent-${mp}`, type: 'helper' },
    );
  }
  nodes.push(
    { id: 'catch', type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
    { id: 'caught', type: 'helper' },
  );
  return { flow: onTab(nodes), credentials };
}

interface LatencyRow {
  path: string;
  marketplace: MarketplaceId;
  note: string;
  samples: number[];
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

it('prints buyer message → reply latency and auto-reply throughput under the rate limits', async () => {
  const { flow, credentials } = autoReplyFlow();
  const capture = (red: { httpNode: typeof httpNode }) => {
    httpNode = red.httpNode;
  };
  const started = Date.now();
  await helper.load([...(await allNodes()), ...coreNodes(), capture], flow, credentials);
  const caught = collect('caught');
  const seen = BENCHED.map((mp) => statuses(`in-${mp}`));
  await until(
    () =>
      seen.every((s) => s.some((x) => x.text === 'polling') && s.at(-1)?.text?.startsWith('idle') === true),
    'the first poll of every trigger',
    30_000,
  );
  for (const mp of BENCHED.filter((m) => PATHS[m] === 'push')) {
    sb.control.setPush(mp, { url: `${origin}/sellerchat/${mp}` });
  }
  await sb.control.pushIdle();

  const rows: LatencyRow[] = [];
  rows.push({
    path: 'poll',
    marketplace: 'metro',
    note: `interval ${POLL_INTERVAL_S} s, messages every ${POLL_SPACING_MS} ms`,
    samples: await measureLatency('metro', POLL_SPACING_MS),
  });
  for (const mp of ['yandex', 'ozon'] as const) {
    const from = Date.now();
    const samples = await measureLatency(mp, PUSH_SPACING_MS);
    rows.push({ path: 'push', marketplace: mp, note: `messages every ${PUSH_SPACING_MS} ms`, samples });
    if (mp === 'ozon') ozonRequestsPerReply = tap.count('ozon', from, Date.now()) / LATENCY_MESSAGES;
  }

  const throughput = await measureOzonThroughput(collect('sent-ozon'));
  const errorsAtCatch = caught.length;
  const rateLimitErrorsAtCatch = caught.filter((m) =>
    /rate/i.test(String((m.error as { message?: string } | undefined)?.message ?? '')),
  ).length;
  const rateLimitedBySandbox = tap.rateLimited(started);

  console.log(
    [
      '',
      markdownTable(
        'Node-RED (embedded runtime): buyer message → seller reply latency (ms)',
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
        'Node-RED (embedded runtime): auto-reply throughput, Ozon push, sandbox rate limit on',
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
          'errors at Catch (rate limit)',
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
            JSON.stringify(rateLimitedBySandbox),
            `${errorsAtCatch} (${rateLimitErrorsAtCatch})`,
          ],
        ],
      ),
      machineLine(),
      '',
    ].join('\n'),
  );
  expect(throughput.replies).toBe(throughput.burst);
});

let ozonRequestsPerReply = 2;

async function measureOzonThroughput(sent: unknown[]) {
  const allowed = Number(sb.control.settings('ozon').rateLimitPerSecond);
  const chats = writableChats('ozon');
  // Enough replies to keep the limit busy for BURST_SECONDS, one buyer message per chat (a
  // chat's second message would arrive in the same history read and change what is measured).
  const burst = Math.min(chats.length, Math.ceil((BURST_SECONDS * allowed) / ozonRequestsPerReply));
  const before = sent.length;
  const sentTimes: number[] = [];
  const firstAnswer = tap.answers.length;
  for (let i = 0; i < burst; i++) sb.control.buyerWrite('ozon', { chatId: chats[i]!, text: `burst #${i}` });
  await until(() => sent.length - before >= burst, `${burst} Ozon replies`, 120_000);
  for (const a of tap.answers.slice(firstAnswer)) {
    if (a.marketplace === 'ozon' && a.path.endsWith('/chat/send/message') && a.status < 300)
      sentTimes.push(a.at);
  }
  const first = Math.min(...sentTimes);
  const last = Math.max(...sentTimes);
  const seconds = (last - first) / 1000;
  // Requests between the first and the last reply: the window in which the limit was the bottleneck.
  const requests = tap.count('ozon', first, last);
  return {
    burst,
    replies: sent.length - before,
    seconds,
    repliesPerSecond: (sentTimes.length - 1) / seconds,
    requestsPerSecond: (requests - 1) / seconds,
    allowed,
    fraction: (requests - 1) / seconds / allowed,
    requestsPerReply: requests / sentTimes.length,
  };
}
