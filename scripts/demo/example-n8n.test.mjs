// The shipped examples/n8n/auto-reply-business-hours.json on a real n8n 2.x: imported as a user
// imports it (only its credential references pointed at the imported sandbox credentials), published,
// started; then a sandbox buyer writes on polled marketplaces and exactly one reply arrives in each
// chat, with the template or the closed-hours notice the workflow's business-hours rule gives for
// the message's time. Run: node --test scripts/demo/example-n8n.test.mjs with N8N_BIN set.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { findN8n } from './n8n.mjs';
import { N8N_POLL_INTERVAL_MS } from './n8n-demo.mjs';
import { startN8n } from './n8n-host.mjs';
import { demoCredentials } from './n8n-workflow.mjs';
import { MARKETPLACES, startDemoSandbox, writableChat } from './sandbox.mjs';

const EXAMPLE = new URL('../../examples/n8n/auto-reply-business-hours.json', import.meta.url);
const n8nBin = findN8n();
// The full n8n server is a 2.9 GB install (2,370 packages, a native sqlite3 build) kept out of the
// workspace: `npm test` installs it into .toolchain/n8n (scripts/ensure-n8n.sh) and sets N8N_BIN.
// Run by hand without one, this suite is skipped with this reason.
const NO_N8N = n8nBin
  ? false
  : 'no n8n install: run `sh scripts/ensure-n8n.sh` and set N8N_BIN to the path it prints (npm test does)';
// The example's triggers poll every minute, n8n's shortest interval: one interval plus margin.
const REPLY_BUDGET_MS = 150_000;
const CLOSED = "We're closed, back at 9:00.";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The example as shipped, with each credential reference set to the imported one of its type, and
 * an id: the editor's import gives the new workflow one, but `n8n import:workflow` needs it in the
 * file (without one it fails on "NOT NULL constraint failed: workflow_entity.id").
 */
function exampleWithCredentials(credentials) {
  const workflow = { id: 'scExampleAutoRep', ...JSON.parse(readFileSync(EXAMPLE, 'utf8')) };
  for (const node of workflow.nodes) {
    for (const type of Object.keys(node.credentials ?? {})) {
      const credential = credentials.find((c) => c.type === type);
      assert.ok(credential, `no sandbox credential of type ${type}`);
      node.credentials[type] = { id: credential.id, name: credential.name };
    }
  }
  return workflow;
}

/** The example's business-hours rule: Monday to Friday, 9:00 to 18:00 Europe/Berlin. */
function inBusinessHours(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const hour = Number(parts.hour);
  return !['Sat', 'Sun'].includes(parts.weekday) && hour >= 9 && hour < 18;
}

/** The reply the example's *Answer on …* node gives for a buyer message written at `at`. */
function expectedReply(marketplace, at, context) {
  if (!inBusinessHours(at)) return CLOSED;
  if (marketplace === 'metro') {
    return `Thank you for your message about order ${context?.orderNumber ?? ''}. Our team answers within 24 hours.`;
  }
  if (marketplace === 'storeden') return "Grazie per il messaggio! Ti risponderemo entro un'ora.";
  throw new Error(`no expected template for ${marketplace} in this test`);
}

let running;
after(async () => {
  // Only when a test failed before it stopped them: never leave n8n or the sandbox running.
  await running?.n8n?.stop();
  await running?.sandbox?.close();
});

describe('examples/n8n/auto-reply-business-hours.json on a real n8n', { skip: NO_N8N }, () => {
  it('answers a buyer on Metro Markets and Storeden (polled) exactly once with the business-hours text', {
    timeout: 480_000,
  }, async () => {
    const log = () => {};
    const sandbox = await startDemoSandbox(0, log);
    running = { sandbox };
    const credentials = demoCredentials(sandbox, MARKETPLACES);
    const workflow = exampleWithCredentials(credentials);
    const n8n = await startN8n({
      bin: n8nBin,
      sandbox,
      marketplaces: MARKETPLACES,
      port: 0,
      log,
      credentials,
      workflows: [workflow],
    });
    running.n8n = n8n;
    assert.equal(n8n.workflowIds.length, 1);

    const written = [];
    for (const marketplace of ['metro', 'storeden']) {
      const chatId = writableChat(sandbox, marketplace);
      const text = `Example test ${marketplace} ${Date.now()}: is my order on its way?`;
      const before = sandbox.control.sellerMessages(marketplace).filter((m) => m.chatId === chatId).length;
      const res = await fetch(`${sandbox.url}/_sandbox/${marketplace}/buyer/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chatId, text }),
      });
      assert.equal(
        res.status < 300,
        true,
        `${marketplace}: the sandbox took the buyer message (${res.status})`,
      );
      const message = sandbox.control.thread(marketplace, chatId).find((m) => m.text === text);
      assert.ok(message, `${marketplace}: the buyer message is in the chat`);
      const context = sandbox.control.threads(marketplace).find((t) => t.chatId === chatId)?.context;
      written.push({
        marketplace,
        chatId,
        before,
        expected: expectedReply(marketplace, message.at, context),
      });
    }

    const replies = ({ marketplace, chatId, before }) =>
      sandbox.control
        .sellerMessages(marketplace)
        .filter((m) => m.chatId === chatId)
        .slice(before);
    const started = Date.now();
    while (written.some((w) => replies(w).length === 0) && Date.now() - started < REPLY_BUDGET_MS) {
      await sleep(250);
    }
    // A later poll must not answer the same message again: wait one more interval, then count.
    await sleep(N8N_POLL_INTERVAL_MS + 5_000);
    for (const w of written) {
      assert.deepEqual(
        replies(w).map((m) => m.text),
        [w.expected],
        `${w.marketplace}: exactly one reply with the example's text\n${n8n.output().slice(-4000)}`,
      );
    }

    await n8n.stop();
    await sandbox.close();
    running = undefined;
    // n8n ran in a process group of its own (it and its task runner): none of it is left.
    assert.throws(() => process.kill(-n8n.pid, 0), { code: 'ESRCH' }, 'no n8n process is left');
  });
});
