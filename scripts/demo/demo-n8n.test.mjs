// `npm run demo -- --host n8n` against a real n8n: the --check run (one buyer message per
// marketplace, exactly one reply each), then the demo as a user runs it: n8n serves our nodes, and
// Ctrl-C (SIGINT) leaves no process and no port. Run: node --test scripts/demo/demo-n8n.test.mjs
// with N8N_BIN set to an n8n binary (or `n8n` on PATH); see docs/quick-start-n8n.md.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { findN8n } from './n8n.mjs';
import { alive, descendants, portOpen } from './processes.mjs';

const DEMO = new URL('../demo.mjs', import.meta.url).pathname;
const n8nBin = findN8n();
// The full n8n server is a 2.9 GB install (2,370 packages, a native sqlite3 build) kept out of the
// workspace: `npm test` installs it into .toolchain/n8n (scripts/ensure-n8n.sh) and sets N8N_BIN.
// Run by hand without one, this suite is skipped with this reason.
const NO_N8N = n8nBin
  ? false
  : 'no n8n install: run `sh scripts/ensure-n8n.sh` and set N8N_BIN to the path it prints (npm test does)';

function runDemo(extra) {
  const child = spawn(process.execPath, [DEMO, '--host', 'n8n', '--port', '0', '--n8n-port', '0', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

const started = [];
after(() => {
  // Only when a test failed before the demo ended: never leave n8n running.
  for (const demo of started) {
    if (demo.child.exitCode !== null || demo.child.signalCode !== null) continue;
    for (const pid of descendants(demo.child.pid)) process.kill(pid, 'SIGKILL');
    demo.child.kill('SIGKILL');
  }
});

describe('npm run demo -- --host n8n, on a real n8n', { skip: NO_N8N }, () => {
  it('--check: one reply per marketplace, Yandex Market and Ozon through push', {
    timeout: 420_000,
  }, async () => {
    const demo = runDemo(['--check']);
    started.push(demo);
    const { code } = await demo.exited;
    assert.equal(code, 0, demo.output());
    for (const marketplace of ['metro', 'storeden']) {
      assert.match(demo.output(), new RegExp(`ok   ${marketplace}: one reply after \\d+ ms \\(poll\\)`));
    }
    for (const marketplace of ['yandex', 'ozon']) {
      assert.match(demo.output(), new RegExp(`ok   ${marketplace}: one reply after \\d+ ms \\(push, [1-9]`));
    }
  });

  it('serves our nodes in the n8n editor, and stops on SIGINT leaving no process or port', {
    timeout: 300_000,
  }, async () => {
    const demo = runDemo([]);
    started.push(demo);
    await new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        if (demo.output().includes('Press Ctrl-C')) resolve(clearInterval(timer));
        if (demo.child.exitCode !== null) reject(new Error(`the demo exited:\n${demo.output()}`));
      }, 200);
    });
    const editor = /n8n editor:\s+(\S+)/.exec(demo.output())?.[1];
    const buyer = /Buyer page:\s+(\S+)/.exec(demo.output())?.[1];
    assert.ok(editor && buyer, demo.output());
    // n8n serves its node types to a signed-in user only: set up this throwaway instance's owner.
    const setup = await fetch(new URL('rest/owner/setup', editor), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'owner@demo.invalid',
        firstName: 'Demo',
        lastName: 'Owner',
        password: 'Demo-owner-2026',
      }),
    });
    assert.equal(setup.status, 200, await setup.clone().text());
    const cookie = setup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await fetch(new URL('types/nodes.json', editor), { headers: { cookie } });
    assert.equal(res.status, 200);
    const types = await res.json();
    const ours = types.map((type) => type.name).filter((name) => name.startsWith('n8n-nodes-sellerchat.'));
    // sellerChatTool: the AI Agent tool n8n derives from the SellerChat node (usableAsTool).
    assert.deepEqual(ours.sort(), [
      'n8n-nodes-sellerchat.sellerChat',
      'n8n-nodes-sellerchat.sellerChatPushTrigger',
      'n8n-nodes-sellerchat.sellerChatTool',
      'n8n-nodes-sellerchat.sellerChatTrigger',
    ]);

    const ports = [new URL(editor).port, new URL(buyer).port].map(Number);
    const processes = descendants(demo.child.pid);
    // n8n's main process and its JavaScript task runner at least.
    assert.ok(processes.length >= 2, `n8n and its task runner run under the demo: ${processes}`);
    for (const port of ports) assert.equal(await portOpen(port), true, `port ${port} is open while running`);
    demo.child.kill('SIGINT');
    const { code } = await demo.exited;
    assert.equal(code, 0, demo.output());
    assert.match(demo.output(), /Stopped\./);
    for (const port of ports) assert.equal(await portOpen(port), false, `port ${port} is closed`);
    assert.deepEqual(
      processes.filter((pid) => alive(pid)),
      [],
      'no process of the demo is left',
    );
  });
});
