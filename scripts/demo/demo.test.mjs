// The demo as a user meets it: `node scripts/demo.mjs` on free ports, the buyer page in headless
// Chromium, one message per marketplace answered by the Node-RED flow in the thread, then Ctrl-C
// (SIGINT): every port closed and no process of the demo left. Run: node --test scripts/demo/
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { alive, descendants, portOpen } from './processes.mjs';

// playwright-core is a devDependency of packages/node-red; the Chromium is Debian's.
const require = createRequire(new URL('../../packages/node-red/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const DEMO = new URL('../demo.mjs', import.meta.url).pathname;
const SCREENSHOT = join(tmpdir(), 'sellerchat-demo-walk.png');
const NAMES = { metro: 'Metro Markets', yandex: 'Yandex Market', ozon: 'Ozon', storeden: 'Storeden' };

/** Starts the demo and resolves with its URLs once it printed them. */
function startDemo() {
  const child = spawn(process.execPath, [DEMO, '--port', '0', '--node-red-port', '0', '--interval', '1000'], {
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
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start in 120 s:\n${output}`)), 120_000);
    exited.then(({ code }) => reject(new Error(`the demo exited with ${code}:\n${output}`)));
    child.stdout.on('data', () => {
      const buyer = /Buyer page:\s+(\S+)/.exec(output);
      const editor = /Node-RED editor:\s+(\S+)/.exec(output);
      if (!buyer || !editor || !output.includes('Press Ctrl-C')) return;
      clearTimeout(timer);
      resolve({ child, exited, buyerPage: buyer[1], editor: editor[1], output: () => output });
    });
  });
}

let demo;
let browser;
let page;
let profile;

before(async () => {
  demo = await startDemo();
  profile = mkdtempSync(join(tmpdir(), 'sellerchat-demo-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  // Only when a test failed before its own SIGINT: never leave the demo running.
  if (demo && demo.child.exitCode === null && demo.child.signalCode === null) {
    for (const pid of descendants(demo.child.pid)) process.kill(pid, 'SIGKILL');
    demo.child.kill('SIGKILL');
  }
});

/** A chat the seller may answer in, as the sandbox's control API lists it (Ozon: not FBO). */
async function writableChat(origin, marketplace) {
  const threads = await (await fetch(`${origin}/_sandbox/${marketplace}/threads`)).json();
  const open = threads.filter((t) => !/closed|archived/i.test(t.status));
  const pick = marketplace === 'ozon' ? (open.find((t) => t.context?.scheme !== 'FBO') ?? open[0]) : open[0];
  assert.ok(pick, `no open ${marketplace} chat in the sandbox`);
  return pick.chatId;
}

describe('npm run demo, walked in headless Chromium', () => {
  it('shows a working Node-RED editor next to the buyer page', async () => {
    const res = await fetch(demo.editor);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Node-RED/);
    const origin = new URL(demo.editor).origin;
    const nodes = await (
      await fetch(`${origin}/red/nodes`, { headers: { accept: 'application/json' } })
    ).json();
    const ours = nodes.filter((set) => set.module === 'node-red-contrib-sellerchat');
    assert.ok(ours.length > 0 && ours.every((set) => set.enabled && !set.err), 'our nodes are loaded');
  });

  it('answers a buyer message in the page on every marketplace', async () => {
    const origin = new URL(demo.buyerPage).origin;
    await page.goto(demo.buyerPage);
    for (const marketplace of ['metro', 'yandex', 'ozon', 'storeden']) {
      await page.getByTestId('marketplace-select').selectOption(marketplace);
      const chatId = await writableChat(origin, marketplace);
      const item = page.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]`);
      await item.click();
      await page.waitForFunction(
        (id) =>
          document.querySelector('[data-testid="chat-item"][aria-current="true"]')?.dataset.chatId === id,
        chatId,
      );
      const question = `Where is my ${marketplace} parcel?`;
      await page.getByTestId('composer-text').fill(question);
      await page.getByTestId('send-button').click();
      await page.locator('[data-testid="message"][data-from="buyer"]', { hasText: question }).waitFor();
      const reply = page.locator('[data-testid="message"][data-from="seller"]', {
        hasText: `SellerChat demo auto-reply on ${NAMES[marketplace]}, sent by Node-RED`,
      });
      // Push answers at once; a poll within its 1 s interval. No reload: the page hears of it live.
      await reply.first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(1500);
      assert.equal(await reply.count(), 1, `${marketplace}: exactly one reply`);
    }
    await page.screenshot({ path: SCREENSHOT });
  });

  it('stops on SIGINT with every port closed and no process left', async () => {
    const ports = [new URL(demo.buyerPage).port, new URL(demo.editor).port].map(Number);
    const processes = descendants(demo.child.pid);
    assert.ok(processes.length >= 1, 'Node-RED runs in a child process of the demo');
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

describe('demo --host n8n', () => {
  it('says clearly that no n8n is installed and exits non-zero', () => {
    const run = spawnSync(process.execPath, [DEMO, '--host', 'n8n'], {
      env: { ...process.env, PATH: '/nonexistent', N8N_BIN: '' },
      encoding: 'utf8',
    });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no n8n install found \(set N8N_BIN/);
  });
});
