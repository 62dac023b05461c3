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
import {
  AnswerTap,
  type LatencyRow,
  latencyTable,
  machineLine,
  measureReplyLatency,
  replyBenchPlan,
  sendBurst,
  throughputTable,
  until,
} from '@sellerchat/sandbox/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreNodes } from '../test/support/example-flows.js';
import { allNodes, collect, helper, onTab, statuses } from '../test/support/node-red.js';
import { accountNode, sandboxCredentials } from '../test/support/sandbox.js';

/** The load both host benches share (BENCH_LATENCY_MESSAGES, BENCH_BURST_SECONDS shrink it). */
const PLAN = replyBenchPlan(process.env);
/** Seconds: the shortest interval sellerchat-in accepts; poll latency is about half of it. */
const POLL_INTERVAL_S = 1;

let sb: RunningSandbox;
let tap: AnswerTap;
let front: Server;
let origin: string;
let httpNode: (req: unknown, res: unknown) => void;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 9, chats: PLAN.chats });
  tap = new AnswerTap(sb);
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

/** The flow answers each buyer text with `re: <text>`. */
const measureLatency = (marketplace: MarketplaceId, spacingMs: number) =>
  measureReplyLatency(sb, tap, marketplace, { messages: PLAN.latencyMessages, spacingMs });

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
    note: `interval ${POLL_INTERVAL_S} s, messages every ${PLAN.pollSpacingMs} ms`,
    samples: await measureLatency('metro', PLAN.pollSpacingMs),
  });
  for (const mp of ['yandex', 'ozon'] as const) {
    const from = Date.now();
    const samples = await measureLatency(mp, PLAN.pushSpacingMs);
    rows.push({ path: 'push', marketplace: mp, note: `messages every ${PLAN.pushSpacingMs} ms`, samples });
    if (mp === 'ozon') ozonRequestsPerReply = tap.count('ozon', from, Date.now()) / PLAN.latencyMessages;
  }

  const throughput = await measureOzonThroughput(collect('sent-ozon'));
  const errorsAtCatch = caught.length;
  const rateLimitErrorsAtCatch = caught.filter((m) =>
    /rate/i.test(String((m.error as { message?: string } | undefined)?.message ?? '')),
  ).length;
  const rateLimitedBySandbox = tap.rateLimited(started);

  console.log(
    [
      latencyTable('Node-RED (embedded runtime): buyer message → seller reply latency (ms)', rows),
      throughputTable(
        'Node-RED (embedded runtime): auto-reply throughput, Ozon push, sandbox rate limit on',
        {
          ...throughput,
          rateLimitAnswers: rateLimitedBySandbox,
          errors: `${errorsAtCatch} (${rateLimitErrorsAtCatch})`,
        },
        { marketplace: 'Ozon', errors: 'errors at Catch (rate limit)' },
      ),
      machineLine(),
      '',
    ].join('\n'),
  );
  expect(throughput.replies).toBe(throughput.burst);
});

let ozonRequestsPerReply = 2;

async function measureOzonThroughput(sent: unknown[]) {
  const before = sent.length;
  const result = await sendBurst(sb, tap, PLAN, {
    marketplace: 'ozon',
    sendPath: '/chat/send/message',
    requestsPerReply: ozonRequestsPerReply,
    handled: () => sent.length,
  });
  return { ...result, replies: sent.length - before };
}
