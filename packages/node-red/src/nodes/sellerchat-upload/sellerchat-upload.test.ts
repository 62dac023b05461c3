import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caughtError, loadAction } from '../../../test/support/action-flow.js';
import { type CountingServer, startCountingServer } from '../../../test/support/counting-server.js';
import { helper, nextMessage } from '../../../test/support/node-red.js';
import {
  openSandbox,
  type RunningSandbox,
  sellerMessagesIn,
  writableChat,
} from '../../../test/support/sandbox.js';

let sb: RunningSandbox;
let counting: CountingServer;

beforeAll(async () => {
  sb = await openSandbox(4);
  counting = await startCountingServer();
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
});
afterAll(async () => {
  await helper.stopServer();
  await counting.close();
  await sb.close();
});

async function run(msg: Record<string, unknown>, sink = 'out') {
  const next = nextMessage(sink);
  helper.getNode('node').receive(msg);
  return next;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('sellerchat-upload', () => {
  it('metro "send": uploads to the order, then attaches to one message (both steps)', async () => {
    const chatId = writableChat(sb, 'metro');
    await loadAction(sb, 'metro', { type: 'sellerchat-upload', mode: 'send', caption: 'The label' });
    await run({ payload: PNG, filename: 'label.png', chatId });
    const last = sellerMessagesIn(sb, 'metro', chatId).at(-1);
    expect(last?.text).toBe('The label');
    expect(last?.attachments.map((a) => a.name)).toEqual(['label.png']);
  });

  it('metro "upload": step one only, the file ids out in msg.payload, no message', async () => {
    const chatId = writableChat(sb, 'metro');
    const before = sellerMessagesIn(sb, 'metro', chatId).length;
    await loadAction(sb, 'metro', { type: 'sellerchat-upload', mode: 'upload', chat: chatId });
    const msg = await run({ payload: { data: PNG, name: 'photo.png' } });
    const files = msg.payload as Array<{ fileId: string; fileName: string }>;
    expect(files).toHaveLength(1);
    expect(typeof files[0]!.fileId).toBe('string');
    expect(files[0]!.fileName).toBe('photo.png');
    expect(sellerMessagesIn(sb, 'metro', chatId)).toHaveLength(before);
  });

  for (const marketplace of ['yandex', 'ozon'] as const) {
    it(`${marketplace}: the file is sent as a message of its own`, async () => {
      const chatId = writableChat(sb, marketplace);
      await loadAction(sb, marketplace, { type: 'sellerchat-upload', chat: chatId });
      const msg = await run({ payload: PNG, filename: '/data/photo.png' });
      expect((msg.sellerchat as { sent: unknown[] }).sent).toHaveLength(1);
      expect(
        sellerMessagesIn(sb, marketplace, chatId)
          .at(-1)
          ?.attachments.map((a) => a.name),
      ).toEqual(['photo.png']);
    });
  }

  it('storeden: NotSupported before the file is read or a request is made', async () => {
    await loadAction(sb, 'storeden', { type: 'sellerchat-upload', chat: '1' }, { baseUrl: counting.url });
    const error = caughtError(await run({ payload: '/no/such/file.pdf' }, 'caught'));
    expect(error).toMatchObject({ kind: 'not_supported', marketplace: 'storeden' });
    expect(counting.requests).toBe(0);
  });

  it('metro: a file type Metro refuses names the field and the allowed types, before any request', async () => {
    await loadAction(sb, 'metro', { type: 'sellerchat-upload', chat: 'c1' }, { baseUrl: counting.url });
    const error = caughtError(await run({ payload: Buffer.from('MZ'), filename: 'setup.exe' }, 'caught'));
    expect(error).toMatchObject({ kind: 'validation', marketplace: 'metro', field: 'msg.payload[0]' });
    expect(error.limit).toContain('application/pdf');
    expect(counting.requests).toBe(0);
  });

  it('a path that cannot be read is refused naming the field', async () => {
    await loadAction(sb, 'yandex', { type: 'sellerchat-upload', chat: '1' }, { baseUrl: counting.url });
    const error = caughtError(await run({ payload: '/no/such/file.pdf' }, 'caught'));
    expect(error).toMatchObject({ kind: 'validation', field: 'msg.payload' });
    expect(error.message).toContain('ENOENT');
    expect(counting.requests).toBe(0);
  });
});
