// The demo's auto-reply workflows on n8n in queue mode (EXECUTIONS_MODE=queue): Redis, PostgreSQL,
// one main and one worker, all started and stopped here. Buyers write on all four marketplaces, a
// few messages each, spread over time (Metro Markets and Storeden polled, Yandex Market and Ozon
// pushed); each buyer message must give exactly one trigger event and exactly one reply, every
// execution must run on the worker, and none may fail.
// Run: node --test scripts/demo/queue-n8n.test.mjs with N8N_BIN set (npm test does).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ensureDebianPackages } from './debian-packages.mjs';
import { findN8n } from './n8n.mjs';
import { N8N_POLL_INTERVAL_MS } from './n8n-demo.mjs';
import { startN8nQueue } from './n8n-queue.mjs';
import { executions, outputItems, setUpOwner } from './n8n-rest.mjs';
import { autoReplyWorkflow, demoCredentials, N8N_PUSH, pushUrl } from './n8n-workflow.mjs';
import { postgresBin } from './postgres-server.mjs';
import { redisInstalled } from './redis-server.mjs';
import { MARKETPLACES, startDemoSandbox, writableChat } from './sandbox.mjs';

const n8nBin = findN8n();
// The full n8n server is a 2.9 GB install kept out of the workspace: `npm test` installs it into
// .toolchain/n8n (scripts/ensure-n8n.sh) and sets N8N_BIN. Run by hand without one, this suite is
// skipped with this reason.
const NO_N8N = n8nBin
  ? false
  : 'no n8n install: run `sh scripts/ensure-n8n.sh` and set N8N_BIN to the path it prints (npm test does)';
// Three rounds of one message per marketplace, 20 s apart: the polled ones fall into one or two
// of n8n's one-minute polls, the pushed ones arrive one by one.
const ROUNDS = 3;
const ROUND_GAP_MS = 20_000;
// The last round's poll comes within one interval; the worker needs a moment on top.
const REPLY_BUDGET_MS = N8N_POLL_INTERVAL_MS + 30_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The demo's workflow, published, its reply naming the buyer message it answers. */
function queueWorkflow(marketplace) {
  const workflow = autoReplyWorkflow(marketplace);
  const answer = workflow.nodes.find((node) => node.type.endsWith('.sellerChat'));
  answer.parameters.text += ' [re: {{ $json.message.text }}]';
  return { ...workflow, active: true };
}

const diagnostics = [];
let running;
after(async () => {
  // Only when a test failed before it stopped them: never leave a server running.
  await running?.n8n?.stop();
  await running?.sandbox?.close();
  for (const line of diagnostics) console.log(`# ${line}`);
});

describe('n8n in queue mode (Redis, PostgreSQL, one main, one worker)', { skip: NO_N8N }, () => {
  it('answers each buyer message exactly once, every execution run by the worker', {
    timeout: 480_000,
  }, async () => {
    const t0 = Date.now();
    const since = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
    ensureDebianPackages({ 'redis-server': redisInstalled, postgresql: () => postgresBin() !== undefined });
    const log = () => {};
    const sandbox = await startDemoSandbox(0, log);
    running = { sandbox };
    const workflows = MARKETPLACES.map(queueWorkflow);
    const n8n = await startN8nQueue({
      bin: n8nBin,
      credentials: demoCredentials(sandbox, MARKETPLACES),
      workflows,
      log,
    });
    running.n8n = n8n;
    diagnostics.push(
      `started in ${since(t0)} (n8n CLI import ${(n8n.timings.cliMs / 1000).toFixed(1)} s, main and worker ${(n8n.timings.startMs / 1000).toFixed(1)} s)`,
    );
    for (const marketplace of N8N_PUSH) {
      sandbox.control.setPush(marketplace, { url: pushUrl(n8n.origin, marketplace) });
    }

    const chats = Object.fromEntries(MARKETPLACES.map((m) => [m, writableChat(sandbox, m)]));
    const before = Object.fromEntries(MARKETPLACES.map((m) => [m, sandbox.control.sellerMessages(m).length]));
    const written = [];
    const writing = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) await sleep(ROUND_GAP_MS);
      for (const marketplace of MARKETPLACES) {
        const text = `Queue test ${marketplace} round ${round + 1} ${Date.now()}: where is my parcel?`;
        const res = await fetch(`${sandbox.url}/_sandbox/${marketplace}/buyer/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chatId: chats[marketplace], text }),
        });
        assert.equal(
          res.status < 300,
          true,
          `${marketplace}: the sandbox took the buyer message (${res.status})`,
        );
        written.push({ marketplace, text });
      }
    }

    const replies = (marketplace) => sandbox.control.sellerMessages(marketplace).slice(before[marketplace]);
    const answered = (w) => replies(w.marketplace).some((m) => m.text.endsWith(`[re: ${w.text}]`));
    const lastWrite = Date.now();
    while (!written.every(answered) && Date.now() - lastWrite < REPLY_BUDGET_MS) await sleep(250);
    diagnostics.push(`all replies ${since(writing)} after the first buyer message`);
    // A later poll must not answer the same message again: wait one more interval, then count.
    await sleep(N8N_POLL_INTERVAL_MS + 5_000);

    const logs = () =>
      `\n--- main:\n${n8n.main.output().slice(-3000)}\n--- worker:\n${n8n.worker.output().slice(-3000)}`;
    for (const marketplace of MARKETPLACES) {
      const mine = written.filter((w) => w.marketplace === marketplace);
      const texts = replies(marketplace).map((m) => m.text);
      for (const w of mine) {
        assert.equal(
          texts.filter((text) => text.endsWith(`[re: ${w.text}]`)).length,
          1,
          `${marketplace}: exactly one reply to "${w.text}", got:\n${texts.join('\n')}${logs()}`,
        );
      }
      assert.equal(texts.length, mine.length, `${marketplace}: no other reply:\n${texts.join('\n')}`);
    }

    // What n8n itself recorded: one trigger event per buyer message, every execution a success.
    const cookie = await setUpOwner(n8n.origin);
    const runs = await executions(n8n.origin, cookie, n8nBin);
    const failed = runs.filter((run) => run.status !== 'success');
    assert.deepEqual(failed, [], `no execution failed${logs()}`);
    for (const workflow of workflows) {
      const marketplace = MARKETPLACES.find((m) => workflow.id === autoReplyWorkflow(m).id);
      const trigger = workflow.nodes.find((node) => /Trigger$/.test(node.type)).name;
      const events = runs
        .filter((run) => run.workflowId === workflow.id)
        .flatMap((run) => outputItems(run, trigger))
        .map((event) => `${event.type} ${event.message?.text}`);
      const expected = written
        .filter((w) => w.marketplace === marketplace)
        .map((w) => `message.received ${w.text}`);
      assert.deepEqual(events.sort(), expected.sort(), `${marketplace}: one trigger event per buyer message`);
    }

    // Queue mode for real: the main put every execution on the queue, the worker ran each one.
    for (const run of runs) {
      assert.match(
        n8n.main.output(),
        new RegExp(`Enqueued execution ${run.id} \\(job`),
        `main enqueued ${run.id}`,
      );
      assert.match(
        n8n.worker.output(),
        new RegExp(`Worker finished execution ${run.id} \\(job`),
        `worker ran ${run.id}`,
      );
    }
    assert.doesNotMatch(n8n.main.output(), /Worker started execution/, 'the main ran no execution itself');
    assert.doesNotMatch(`${n8n.main.output()}${n8n.worker.output()}`, /poll failed/, 'no poll failed');
    assert.equal(n8n.main.running() && n8n.worker.running(), true, 'main and worker still run');
    diagnostics.push(`${written.length} buyer messages, ${runs.length} executions on the worker`);

    const stopping = Date.now();
    await n8n.stop();
    await sandbox.close();
    running = undefined;
    diagnostics.push(`stopped in ${since(stopping)}; whole test ${since(t0)}`);
    const servers = {
      'n8n main': n8n.main,
      'n8n worker': n8n.worker,
      redis: n8n.redis,
      postgres: n8n.postgres,
    };
    for (const [name, { pid }] of Object.entries(servers)) {
      assert.throws(() => process.kill(-pid, 0), { code: 'ESRCH' }, `no ${name} process is left`);
    }
  });
});
