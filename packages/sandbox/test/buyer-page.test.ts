import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/server/launch-sandbox.js';
import { startSandbox } from '../src/start-sandbox.js';
import type { MarketplaceId } from '../src/types.js';
import { SellerApi } from './helpers/seller-api.js';

let sandbox: RunningSandbox;
let browser: BrowserContext;
let page: Page;
let profile: string;

beforeAll(async () => {
  sandbox = await startSandbox({ chats: 4 });
  profile = await mkdtemp(join(tmpdir(), 'sandbox-ui-'));
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
  await page.goto(sandbox.buyerPageUrl);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function choose(marketplace: MarketplaceId): Promise<void> {
  await page.getByTestId('marketplace-select').selectOption(marketplace);
  await page.getByTestId('chat-item').first().waitFor();
}

/** Write as the buyer in the page; returns the chat id the page had open. */
async function writeAsBuyer(text: string): Promise<string> {
  await page.getByTestId('composer-text').fill(text);
  await page.getByTestId('send-button').click();
  await page
    .locator('[data-testid="message"][data-from="buyer"]', { hasText: text })
    .waitFor({ timeout: 5_000 });
  const current = page.locator('[data-testid="chat-item"][aria-current="true"]');
  return (await current.getAttribute('data-chat-id')) ?? '';
}

async function expectSellerReplyShown(
  marketplace: MarketplaceId,
  chatId: string,
  text: string,
): Promise<void> {
  await new SellerApi(sandbox).reply(marketplace, chatId, text);
  // No reload: the page hears of the send on /_sandbox/events and fetches the thread again.
  await page
    .locator('[data-testid="message"][data-from="seller"]', { hasText: text })
    .waitFor({ timeout: 5_000 });
}

describe('buyer page in headless Chromium', () => {
  it('lists every marketplace and shows the live connection', async () => {
    const options = await page.getByTestId('marketplace-select').locator('option').allTextContents();
    expect(options).toEqual(['Metro', 'Yandex', 'Ozon', 'Storeden']);
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('live');
  });

  for (const marketplace of ['metro', 'yandex', 'ozon', 'storeden'] as const) {
    it(`${marketplace}: a buyer message is stored and the seller's API reply appears live`, async () => {
      await choose(marketplace);
      await page.getByTestId('new-chat-text').fill(`Hello from the ${marketplace} page`);
      await page.getByTestId('new-chat-button').click();
      await page
        .locator('[data-testid="message"][data-from="buyer"]', {
          hasText: `Hello from the ${marketplace} page`,
        })
        .waitFor({ timeout: 5_000 });

      const text = `Is my ${marketplace} order on its way?`;
      const chatId = await writeAsBuyer(text);
      expect(chatId).not.toBe('');
      const stored = sandbox.control.thread(marketplace, chatId).at(-1);
      expect(stored).toMatchObject({ from: 'buyer', text });

      await expectSellerReplyShown(marketplace, chatId, `Yes, the ${marketplace} parcel left today.`);
    });
  }

  it('storeden: picks an existing conversation and hides "attach" (no files there)', async () => {
    await choose('storeden');
    await expect.poll(() => page.locator('#attach').isHidden()).toBe(true);
    await page.getByTestId('chat-item').nth(1).click();
    const chatId = await writeAsBuyer('Avete la taglia M?');
    await expectSellerReplyShown('storeden', chatId, 'Sì, la taglia M è disponibile.');
  });

  it('yandex: a buyer attachment is stored and shown as a link serving its bytes', async () => {
    await choose('yandex');
    await page.getByTestId('chat-item').first().click();
    await page.getByTestId('composer-file').setInputFiles({
      name: 'receipt.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('paid 12.50'),
    });
    const chatId = await writeAsBuyer('Here is the receipt');
    const link = page
      .locator('[data-testid="message"][data-from="buyer"]', { hasText: 'Here is the receipt' })
      .getByTestId('attachment');
    await expect.poll(() => link.textContent()).toContain('receipt.txt');
    const href = (await link.getAttribute('href')) ?? '';
    const served = await fetch(href);
    expect(await served.text()).toBe('paid 12.50');
    expect(sandbox.control.thread('yandex', chatId).at(-1)?.attachments[0]?.name).toBe('receipt.txt');
    await page.screenshot({ path: '/tmp/sandbox-ui.png' });
  });
});
