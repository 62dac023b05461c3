import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarketplaceId } from '@sellerchat/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CountingServer, startCountingServer } from '../../../test/support/counting-server.js';
import { allNodes, collect, helper, nextMessage, onTab, statuses } from '../../../test/support/node-red.js';
import {
  accountNode,
  MARKETPLACE_LIST,
  openSandbox,
  type RunningSandbox,
  sandboxCredentials,
  sellerMessagesIn,
  writableChat,
} from '../../../test/support/sandbox.js';

let sb: RunningSandbox;
let counting: CountingServer;
let dir: string;

beforeAll(async () => {
  sb = await openSandbox();
  counting = await startCountingServer();
  dir = await mkdtemp(join(tmpdir(), 'sellerchat-send-'));
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
});
afterAll(async () => {
  await helper.stopServer();
  await counting.close();
  await sb.close();
  await rm(dir, { recursive: true, force: true });
});

function sendFlow(marketplace: MarketplaceId, account = accountNode(sb, marketplace), chat = '') {
  return onTab([
    account,
    { id: 'send', type: 'sellerchat-send', account: account.id, chat, wires: [['out']] },
    { id: 'out', type: 'helper' },
    { id: 'catch', type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
    { id: 'caught', type: 'helper' },
  ]);
}

async function load(
  marketplace: MarketplaceId,
  flow = sendFlow(marketplace),
  credentials = sandboxCredentials(sb, marketplace),
) {
  await helper.load(await allNodes(), flow, { [`acc-${marketplace}`]: credentials });
}

describe('sellerchat-send against the sandbox', () => {
  for (const marketplace of MARKETPLACE_LIST) {
    it(`${marketplace}: sends msg.payload to msg.chatId, once, and reports the new message id`, async () => {
      await load(marketplace);
      const chatId = writableChat(sb, marketplace);
      const text = `Thanks for writing (${marketplace} ${Date.now()})`;
      const before = sellerMessagesIn(sb, marketplace, chatId).length;
      const seen = statuses('send');
      const out = nextMessage('out');
      helper.getNode('send').receive({ payload: text, chatId });
      const msg = await out;
      const mine = sellerMessagesIn(sb, marketplace, chatId);
      expect(mine.length).toBe(before + 1);
      expect(mine.at(-1)?.text).toBe(text);
      const sent = (msg.sellerchat as { sent: Array<{ messageId?: string }>; reply: { chatId: string } })
        .sent;
      expect(sent).toHaveLength(1);
      // Metro and Storeden answer the new message; Yandex and Ozon only say it was sent.
      if (marketplace === 'metro' || marketplace === 'storeden')
        expect(typeof sent[0]?.messageId).toBe('string');
      expect((msg.sellerchat as { reply: { chatId: string } }).reply).toEqual({ marketplace, chatId });
      expect(msg.payload).toBe(text);
      await new Promise((r) => setTimeout(r, 20));
      expect(seen.map((s) => s.text).slice(-2)).toEqual(['sending', 'idle']);
    });
  }

  it('replies to msg.sellerchat.reply when neither the node nor msg.chatId names a chat', async () => {
    await load('yandex');
    const chatId = writableChat(sb, 'yandex');
    const out = nextMessage('out');
    helper.getNode('send').receive({
      payload: 'Reply by context',
      sellerchat: { reply: { marketplace: 'yandex', chatId } },
    });
    await out;
    expect(sellerMessagesIn(sb, 'yandex', chatId).at(-1)?.text).toBe('Reply by context');
  });

  it('metro: sends a Buffer and a file path as attachments of one message', async () => {
    await load('metro');
    const chatId = writableChat(sb, 'metro');
    const path = join(dir, 'invoice.pdf');
    await writeFile(path, Buffer.from('%PDF-1.4 test invoice'));
    const out = nextMessage('out');
    helper.getNode('send').receive({
      payload: 'Your invoice and a photo',
      chatId,
      attachments: [path, { data: Buffer.from([0x89, 0x50, 0x4e, 0x47]), name: 'photo.png' }],
    });
    await out;
    const last = sellerMessagesIn(sb, 'metro', chatId).at(-1);
    expect(last?.text).toBe('Your invoice and a photo');
    expect(last?.attachments.map((a) => a.name).sort()).toEqual(['invoice.pdf', 'photo.png']);
  });

  it('yandex: sends the text, then each file as a message of its own', async () => {
    await load('yandex');
    const chatId = writableChat(sb, 'yandex');
    const before = sellerMessagesIn(sb, 'yandex', chatId).length;
    const out = nextMessage('out');
    helper.getNode('send').receive({
      payload: 'Here is the manual',
      chatId,
      filename: '/tmp/manual.txt',
      attachments: Buffer.from('manual text'),
    });
    const msg = await out;
    const mine = sellerMessagesIn(sb, 'yandex', chatId).slice(before);
    expect(mine.map((m) => m.text)).toEqual(['Here is the manual', expect.any(String)]);
    expect(mine[1]?.attachments.map((a) => a.name)).toEqual(['manual.txt']);
    expect((msg.sellerchat as { sent: unknown[] }).sent).toHaveLength(2);
  });
});

describe('sellerchat-send when the marketplace says to slow down', () => {
  it('shows rate-limited with the wait and hands the RateLimitError with retryAfterMs to Catch', async () => {
    await load('yandex');
    sb.control.addFault({
      marketplace: 'yandex',
      method: 'POST',
      kind: 'rate-limit',
      status: 420,
      retryAfter: 120,
      times: 1,
    });
    const seen = statuses('send');
    const caught = nextMessage('caught');
    helper.getNode('send').receive({ payload: 'hello', chatId: writableChat(sb, 'yandex') });
    const msg = await caught;
    expect((msg.sellerchat as { error: object }).error).toMatchObject({
      kind: 'rate_limit',
      marketplace: 'yandex',
      retryAfterMs: 120_000,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)).toEqual({ fill: 'yellow', shape: 'ring', text: 'rate-limited: waiting 2 min' });
    sb.control.clearFaults();
  });
});

describe('sellerchat-send refusals reach Catch before any request', () => {
  const offline = (marketplace: MarketplaceId) => ({
    ...accountNode(sb, marketplace),
    server: 'custom',
    baseUrl: `${counting.url}/${marketplace}`,
  });

  it('storeden takes no files: NotSupported, with the typed details on the caught msg', async () => {
    await load('storeden', sendFlow('storeden', offline('storeden')));
    const seen = statuses('send');
    const caught = nextMessage('caught');
    helper.getNode('send').receive({ payload: 'file', chatId: '1', attachments: Buffer.from('x') });
    const msg = await caught;
    expect((msg.error as { message: string }).message).toMatch(
      /^NotSupportedError: Storeden cannot send files/,
    );
    expect((msg.sellerchat as { error: { kind: string; marketplace: string } }).error).toMatchObject({
      kind: 'not_supported',
      marketplace: 'storeden',
    });
    expect(counting.requests).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)).toMatchObject({ fill: 'red', text: expect.stringMatching(/^not_supported: /) });
  });

  it('yandex: a text over 4096 characters names the field, the limit and the marketplace', async () => {
    await load('yandex', sendFlow('yandex', offline('yandex')));
    const caught = nextMessage('caught');
    helper.getNode('send').receive({ payload: 'x'.repeat(4097), chatId: '1' });
    const msg = await caught;
    expect((msg.sellerchat as { error: object }).error).toMatchObject({
      kind: 'validation',
      field: 'msg.payload',
      limit: '4096 characters',
      marketplace: 'yandex',
    });
    expect(counting.requests).toBe(0);
  });

  it('no chat anywhere: a validation error on the chat field', async () => {
    await load('ozon', sendFlow('ozon', offline('ozon')));
    const caught = nextMessage('caught');
    helper.getNode('send').receive({ payload: 'hello' });
    const msg = await caught;
    expect((msg.sellerchat as { error: object }).error).toMatchObject({ kind: 'validation', field: 'chat' });
    expect(counting.requests).toBe(0);
  });

  it('a missing credential is refused naming the field, and nothing is sent', async () => {
    await load('ozon', sendFlow('ozon', offline('ozon')), { ozonClientId: '1843105' });
    const out = collect('out');
    const caught = nextMessage('caught');
    helper.getNode('send').receive({ payload: 'hello', chatId: 'x' });
    const msg = await caught;
    expect((msg.sellerchat as { error: object }).error).toMatchObject({
      kind: 'validation',
      field: 'credentials.ozonApiKey',
    });
    expect(out).toHaveLength(0);
    expect(counting.requests).toBe(0);
  });
});
