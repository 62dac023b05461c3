// Restart reliability (issue 9): a process that runs the built SellerChat Trigger and SellerChat
// node as n8n runs an active polling workflow (test/support/restart-host.mjs) is killed with
// SIGKILL at 20 random moments while sandbox buyers on all four marketplaces keep writing.
//
// What must hold once the host has caught up, for every buyer message written during the run:
// - it got exactly ONE reply in the sandbox (seller messages in its chat, minus the seeded ones;
//   the workflow tags each reply with the id of the buyer message it answers);
// - the workflow saw it under exactly one distinct event id (a redelivery reuses the id), at
//   least once, and at most once with `redelivered !== true`;
// - no failed poll and no failed execution.
// The workflow posts {eventId, messageId, chatId, marketplace, redelivered} to a recorder owned
// by this test (127.0.0.1) BEFORE it sends the reply, so an event the host handed on and then
// lost to the kill is still counted.
//
// Why it can hold: as n8n does, the host saves the workflow's static data (temp file, fsync,
// rename) before it starts the execution, so the trigger's position survives the kill; a buyer
// message the execution did not answer before the kill is emitted again by the trigger
// REDELIVER_S after its emission, with the same id and `redelivered: true`.
//
// The seed of the kill times and of the buyers' choices is printed; RESTART_SEED=<n> replays it.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARKETPLACES } from '@sellerchat/core';
import {
  allAnswered,
  Buyers,
  between,
  createSeededRandom,
  type JsonReceiver,
  type RecordedEvent,
  replyTag,
  sellerBaseline,
  startJsonReceiver,
  verdict,
  writableChats,
} from '@sellerchat/sandbox/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RestartHost, startRestartHost } from './support/restart-process.js';
import { CREDENTIAL_TYPE, type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

const KILLS = 20;
/** RESTART_REDELIVER_S=0 runs the same test with redelivery off: it then finds lost replies. */
const REDELIVER_S = Number(process.env.RESTART_REDELIVER_S ?? 4);
/**
 * The recorder answers after this long, as the language model or the lookup of a real auto-reply
 * workflow does: the time between an event and its reply is what a kill interrupts.
 */
const FLOW_WORK_MS = 250;
const CHATS_PER_MARKETPLACE = 5;
/** Longer than the redelivery delay: a wrong redelivery of an answered message would show within it. */
const QUIET_MS = Math.max(REDELIVER_S, 4) * 1000 + 1500;
const SEED = Number(process.env.RESTART_SEED ?? Math.floor(Math.random() * 2 ** 31));

let sandbox: Sandbox;
let recorder: JsonReceiver;
let work: string;
let configFile: string;
let host: RestartHost | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(probe: () => boolean, what: string, ms: number): Promise<void> {
  const start = Date.now();
  while (!probe()) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

beforeAll(async () => {
  if (!existsSync(new URL('../dist/nodes/SellerChatTrigger/SellerChatTrigger.node.js', import.meta.url))) {
    throw new Error(
      'dist/ is missing: run `pnpm build` in packages/n8n-nodes first (turbo does it before test)',
    );
  }
  sandbox = await startTestSandbox(CHATS_PER_MARKETPLACE + 2);
  // Answers with the event, so the workflow's next node reads it back from the HTTP Request's output.
  recorder = await startJsonReceiver({
    answer: (body) => (typeof body === 'string' ? { text: body } : body),
    delayMs: FLOW_WORK_MS,
  });
  work = mkdtempSync(join(tmpdir(), 'sellerchat-n8n-restart-'));
  configFile = join(work, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      stateDir: work,
      recorderUrl: recorder.url,
      intervalMs: 1000,
      // "Redeliver Unanswered After (Seconds)" and "Max Deliveries": 20 kills may hit one message
      // more often than the default 3 deliveries allow.
      triggerOptions: REDELIVER_S > 0 ? { redeliverAfter: REDELIVER_S, maxDeliveries: 10 } : {},
      replyTemplate: `Thank you, we are on it ${replyTag('{messageId}')}`,
      credentials: Object.fromEntries(MARKETPLACES.map((m) => [m, sandboxCredentials(sandbox, m)])),
      credentialTypes: CREDENTIAL_TYPE,
    }),
  );
  host = await startRestartHost(configFile);
  // "Now" must be on disk before the first kill, or a restart would start from a later "now".
  await until(
    () => MARKETPLACES.every((m) => existsSync(join(work, `${m}.json`))),
    'every workflow to save its first static data',
    30_000,
  );
}, 90_000);

afterAll(async () => {
  await host?.kill();
  await recorder?.close();
  await sandbox?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

it(`every buyer message gets one reply and one event id across ${KILLS} SIGKILLs of the n8n host`, async () => {
  console.log(`restart test seed ${SEED} (RESTART_SEED=${SEED} replays it)`);
  const started = Date.now();
  const killAt = createSeededRandom(SEED);
  const chats = MARKETPLACES.flatMap((m) => writableChats(sandbox, m, CHATS_PER_MARKETPLACE));
  const baseline = sellerBaseline(sandbox);
  const buyers = new Buyers(sandbox, chats, baseline, createSeededRandom(SEED + 1));
  buyers.start();
  const restarts: number[] = [];
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(between(killAt, 300, 2500));
      await host!.kill();
      const down = Date.now();
      host = await startRestartHost(configFile);
      restarts.push(Date.now() - down);
    }
  } finally {
    buyers.stop();
  }

  let seen = -1;
  let quietSince = Date.now();
  await until(
    () => {
      if (recorder.received.length !== seen) {
        seen = recorder.received.length;
        quietSince = Date.now();
      }
      return allAnswered(sandbox, baseline, buyers.written) && Date.now() - quietSince >= QUIET_MS;
    },
    'a reply to every buyer message and a quiet recorder',
    60_000,
  ).catch((error: Error) => console.log(error.message)); // the verdict below says what is missing

  const events = recorder.received.filter((r) => r.path === '/event').map((r) => r.body as RecordedEvent);
  const errors = recorder.received.filter((r) => r.path === '/error').map((r) => r.body);
  const result = verdict(sandbox, baseline, buyers.written, events);
  console.log(
    `seed ${SEED}: ${buyers.written.length} buyer messages, ${result.replies} replies, ${result.events} events ` +
      `(${result.redelivered} redelivered), ${KILLS} kills (restarts ${Math.min(...restarts)}–${Math.max(...restarts)} ms), ` +
      `${Math.round((Date.now() - started) / 1000)} s`,
  );
  expect(buyers.written.length).toBeGreaterThan(KILLS);
  expect(errors).toEqual([]);
  expect(result.problems).toEqual([]);
}, 240_000);
