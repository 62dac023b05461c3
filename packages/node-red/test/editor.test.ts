// The edit dialogs in the real Node-RED editor (headless Debian Chromium): each shows only what
// the chosen account's marketplace supports, read from GET sellerchat/capabilities.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium.js';
import { deploy, type Host, startHost } from './support/host-process.js';
import { installPacked, type PackedInstall } from './support/packed-install.js';

let installed: PackedInstall;
let host: Host;
let browser: Browser;
let page: Page;

const account = (id: string, marketplace: string) => ({
  id,
  type: 'sellerchat-account',
  name: `${marketplace} shop`,
  marketplace,
  server: 'sandbox',
  baseUrl: 'http://127.0.0.1:9',
});
const node = (id: string, type: string, accountId: string, y: number, extra: object = {}) => ({
  id,
  type,
  z: 'tab',
  account: accountId,
  x: 200,
  y,
  wires: type === 'sellerchat-in' ? [[]] : [[]],
  ...extra,
});

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: sh scripts/ensure-chromium.sh installs it`);
  installed = installPacked();
  host = await startHost(installed.userDir);
  await deploy(host, [
    { id: 'tab', type: 'tab', label: 'editor' },
    account('yandex', 'yandex'),
    account('ozon', 'ozon'),
    account('storeden', 'storeden'),
    node('in-y', 'sellerchat-in', 'yandex', 60, { events: 'messages', firstRun: 'now', interval: 3600 }),
    node('in-s', 'sellerchat-in', 'storeden', 120, { events: 'messages', firstRun: 'now', interval: 3600 }),
    node('read', 'sellerchat-mark-read', 'yandex', 180),
    node('start', 'sellerchat-start-chat', 'ozon', 240),
    node('list', 'sellerchat-list', 'yandex', 300, { what: 'chats', statuses: ['closed'] }),
  ]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${host.origin}/red/`);
  // A string runs in the page, where the editor's RED global lives.
  await page.waitForFunction("window.RED?.nodes?.node('read')");
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  installed?.remove();
});

async function open(expression: string): Promise<void> {
  await page.evaluate(expression);
  await page.waitForSelector('.red-ui-tray .form-row', { state: 'visible' });
  // The dialog asks the runtime for the capabilities; give the answer time to arrive.
  await page.waitForTimeout(500);
}

async function close(): Promise<void> {
  await page.evaluate('RED.tray.close()');
  await page.waitForTimeout(400);
}

const visible = (selector: string) => page.isVisible(`.red-ui-tray ${selector}`);

describe('edit dialogs in the Node-RED editor', () => {
  it('sellerchat in: the push option shows for Yandex Market and not for Storeden', async () => {
    await open("RED.editor.edit(RED.nodes.node('in-y'))");
    expect(await visible('#node-input-push')).toBe(true);
    await close();
    await open("RED.editor.edit(RED.nodes.node('in-s'))");
    expect(await visible('#node-input-push')).toBe(false);
    await close();
  });

  it('mark read: a warning instead of the chat field on Yandex; the chat field once the account is Ozon', async () => {
    await open("RED.editor.edit(RED.nodes.node('read'))");
    expect(await visible('.sellerchat-unsupported')).toBe(true);
    expect(await page.textContent('.red-ui-tray .sellerchat-unsupported')).toContain(
      'Yandex Market cannot mark messages as read',
    );
    expect(await visible('#node-input-chat')).toBe(false);
    await page.selectOption('.red-ui-tray #node-input-account', 'ozon');
    await page.waitForTimeout(500);
    expect(await visible('.sellerchat-unsupported')).toBe(false);
    expect(await visible('#node-input-chat')).toBe(true);
    await close();
  });

  it('list chats offers the filters the marketplace can apply, and drops a hidden one on Done', async () => {
    await open("RED.editor.edit(RED.nodes.node('list'))");
    for (const id of ['#node-input-unreadOnly', '#node-input-lastMessageFrom', '#node-input-orderId'])
      expect(await visible(id), `yandex ${id}`).toBe(true);
    expect(await page.isChecked('.red-ui-tray .sellerchat-status[value="closed"]')).toBe(true);
    await page.selectOption('.red-ui-tray #node-input-account', 'storeden');
    await page.waitForTimeout(500);
    expect(await visible('#node-input-lastMessageFrom')).toBe(true);
    for (const id of ['#node-input-unreadOnly', '#node-input-orderId', '.sellerchat-status'])
      expect(await visible(id), `storeden ${id}`).toBe(false);
    await page.click('#node-dialog-ok');
    await page.waitForTimeout(400);
    expect(await page.evaluate("RED.nodes.node('list').statuses")).toEqual([]);
  });

  it('start chat on Ozon asks for a posting number, not an order or a category', async () => {
    await open("RED.editor.edit(RED.nodes.node('start'))");
    expect(await visible('#node-input-postingNumber')).toBe(true);
    expect(await visible('#node-input-orderId')).toBe(false);
    expect(await visible('#node-input-categoryId')).toBe(false);
    await close();
  });

  it('the account dialog shows the chosen marketplace credentials and its notes once', async () => {
    await open("RED.editor.editConfig('', 'sellerchat-account', 'yandex')");
    expect(await visible('#node-config-input-yandexApiKey')).toBe(true);
    expect(await visible('#node-config-input-metroClientSecret')).toBe(false);
    expect(await page.getAttribute('.red-ui-tray #node-config-input-yandexApiKey', 'type')).toBe('password');
    await page.selectOption('.red-ui-tray #node-config-input-marketplace', 'metro');
    await page.waitForTimeout(500);
    expect(await visible('#node-config-input-metroClientSecret')).toBe(true);
    expect(await visible('#node-config-input-metroEnvironment')).toBe(true);
    expect(await visible('#node-config-input-yandexApiKey')).toBe(false);
    const caps = (await (await host.admin('/sellerchat/capabilities')).json()) as Record<
      string,
      { notes: string[] }
    >;
    expect(await page.locator('.red-ui-tray .sellerchat-notes li').count()).toBe(caps.metro!.notes.length);
    await close();
  });

  it('every node has its help in the Info sidebar', async () => {
    const types = [
      'sellerchat-account',
      'sellerchat-in',
      'sellerchat-send',
      'sellerchat-upload',
      'sellerchat-mark-read',
      'sellerchat-list',
      'sellerchat-start-chat',
    ];
    for (const type of types) {
      const help = await page.evaluate(`RED.nodes.getNodeHelp ? RED.nodes.getNodeHelp('${type}') : ''`);
      expect(String(help), type).toMatch(/<h3>(Outputs|Details)<\/h3>/);
    }
  });
});
