import { MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { binaryBytes, bytes, fetchBytes, itemWithFiles } from './support/binary.js';
import { startRecordingServer } from './support/recording-server.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox(6);
});
afterAll(async () => {
  await sandbox.close();
});

function run(marketplace: MarketplaceId, parameters: Record<string, unknown>, input = [{ json: {} }]) {
  return runNode(
    {
      parameters: { marketplace, resource: 'message', ...parameters },
      credentials: sandboxCredentials(sandbox, marketplace),
    },
    input,
  );
}

describe('Message → Get Many', () => {
  it.each(MARKETPLACES)(
    '%s: the whole history oldest first, or its most recent messages',
    async (marketplace) => {
      const thread = sandbox.control.threads(marketplace)[0]!;
      const expected = sandbox.control.thread(marketplace, thread.chatId).map((m) => m.id);
      const all = await run(marketplace, { operation: 'getAll', chatId: thread.chatId, returnAll: true });
      expect(all.error).toBeUndefined();
      expect(all.items!.map((i) => i.json.id)).toEqual(expected);
      for (const item of all.items!) {
        expect(item.json).toMatchObject({ marketplace, chatId: thread.chatId, sender: expect.any(String) });
        expect(item.json.raw).toBeTypeOf('object');
      }
      const last = await run(marketplace, {
        operation: 'getAll',
        chatId: thread.chatId,
        returnAll: false,
        limit: 1,
      });
      expect(last.items!.map((i) => i.json.id)).toEqual(expected.slice(-1));
    },
  );

  it('Yandex: only the messages after a given one', async () => {
    const thread = sandbox.control.threads('yandex')[0]!;
    const expected = sandbox.control.thread('yandex', thread.chatId).map((m) => m.id);
    const { items } = await run('yandex', {
      operation: 'getAll',
      chatId: thread.chatId,
      returnAll: true,
      afterMessageId: expected[0],
    });
    expect(items!.map((i) => i.json.id)).toEqual(expected.slice(1));
  });

  it.each(['metro', 'yandex', 'ozon'] as MarketplaceId[])(
    '%s: downloads a buyer attachment into a binary property, byte for byte',
    async (marketplace) => {
      const chatId = sandbox.control.threads(marketplace)[1]!.chatId;
      const data = bytes(3000, marketplace.length);
      const { messageId } = sandbox.control.buyerWrite(marketplace, {
        chatId,
        text: 'photo of the damage',
        attachment: { name: 'damage.png', mimeType: 'image/png', data },
      });
      const { items, error } = await run(marketplace, {
        operation: 'getAll',
        chatId,
        returnAll: true,
        downloadAttachments: true,
        binaryPrefix: 'file_',
      });
      expect(error).toBeUndefined();
      const item = items!.find((i) => i.json.id === messageId)!;
      expect(item.json.attachments).toEqual([
        expect.objectContaining({ name: 'damage.png', binaryProperty: 'file_0' }),
      ]);
      expect(binaryBytes(item, 'file_0')).toEqual(data);
      expect(item.binary!.file_0).toMatchObject({ fileName: 'damage.png', mimeType: 'image/png' });
    },
  );
});

describe('Message → Get', () => {
  it.each(['metro', 'yandex'] as MarketplaceId[])('%s: one message by ID', async (marketplace) => {
    const chatId = sandbox.control.threads(marketplace)[0]!.chatId;
    const message = sandbox.control.thread(marketplace, chatId)[0]!;
    const { items, error } = await run(marketplace, { operation: 'get', chatId, messageId: message.id });
    expect(error).toBeUndefined();
    expect(items![0]!.json).toMatchObject({ id: message.id, chatId, text: message.text });
  });
});

describe('Message → Send', () => {
  it.each(MARKETPLACES)('%s: sends a text the marketplace then holds', async (marketplace) => {
    const chatId = sandbox.control.threads(marketplace)[2]!.chatId;
    const text = `Your parcel left today (${marketplace})`;
    const { items, error } = await run(marketplace, { operation: 'send', chatId, text });
    expect(error).toBeUndefined();
    expect(items![0]!.json).toMatchObject({ chatId });
    const sent = sandbox.control.thread(marketplace, chatId).at(-1)!;
    expect(sent).toMatchObject({ from: 'seller', text });
    if (items![0]!.json.messageId !== undefined) expect(items![0]!.json.messageId).toBe(sent.id);
  });

  it('Metro: sends a text with two files from binary properties, byte for byte', async () => {
    const chatId = sandbox.control.threads('metro')[3]!.chatId;
    const pdf = bytes(5000, 3);
    const txt = new TextEncoder().encode('line one\nline two\n');
    const input = itemWithFiles({
      invoice: { name: 'invoice.pdf', mimeType: 'application/pdf', data: pdf },
      notes: { name: 'notes.txt', mimeType: 'text/plain', data: txt },
    });
    const { error } = await run(
      'metro',
      { operation: 'send', chatId, text: 'Here are the documents', attachmentProperties: 'invoice, notes' },
      [input],
    );
    expect(error).toBeUndefined();
    const sent = sandbox.control.thread('metro', chatId).at(-1)!;
    expect(sent.text).toBe('Here are the documents');
    expect(sent.attachments.map((a) => a.name)).toEqual([
      expect.stringMatching(/^invoice/),
      expect.stringMatching(/^notes/),
    ]);
    expect(await fetchBytes(sent.attachments[0]!.url)).toEqual(pdf);
    expect(await fetchBytes(sent.attachments[1]!.url)).toEqual(txt);
  });

  it('Ozon: a text over 1000 characters is refused before any request, naming the field, limit and marketplace', async () => {
    const server = await startRecordingServer();
    try {
      const { error } = await runNode({
        parameters: {
          marketplace: 'ozon',
          resource: 'message',
          operation: 'send',
          chatId: 'c1',
          text: 'x'.repeat(1001),
        },
        credentials: sandboxCredentials(sandbox, 'ozon', { baseUrl: server.url }),
      });
      expect(error?.message).toMatch(/Ozon/);
      expect(error?.message).toMatch(/text/);
      expect(`${error?.message} ${error?.description ?? ''}`).toMatch(/1000/);
      expect(server.hits).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
