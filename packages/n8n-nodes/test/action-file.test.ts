import type { MarketplaceId } from '@sellerchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { bytes, fetchBytes, itemWithFiles } from './support/binary.js';
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
      parameters: { marketplace, resource: 'file', ...parameters },
      credentials: sandboxCredentials(sandbox, marketplace),
    },
    input,
  );
}

describe('File → Send', () => {
  it.each(['metro', 'yandex', 'ozon'] as MarketplaceId[])(
    '%s: sends a binary property as a file the buyer receives byte for byte',
    async (marketplace) => {
      const chatId = sandbox.control.threads(marketplace)[0]!.chatId;
      const data = bytes(4096, 9);
      const input = itemWithFiles({ data: { name: 'label.pdf', mimeType: 'application/pdf', data } });
      const { items, error } = await run(
        marketplace,
        { operation: 'send', chatId, binaryPropertyName: 'data' },
        [input],
      );
      expect(error).toBeUndefined();
      expect(items![0]!.json).toMatchObject({ chatId, fileName: 'label.pdf' });
      expect(items![0]!.pairedItem).toEqual({ item: 0 });
      const sent = sandbox.control.thread(marketplace, chatId).at(-1)!;
      expect(sent.from).toBe('seller');
      expect(sent.attachments).toHaveLength(1);
      expect(await fetchBytes(sent.attachments[0]!.url)).toEqual(data);
    },
  );

  it('Metro: a file with a text and a file name of its own', async () => {
    const chatId = sandbox.control.threads('metro')[1]!.chatId;
    const data = bytes(100, 2);
    const input = itemWithFiles({ scan: { name: 'scan.png', mimeType: 'image/png', data } });
    const { error } = await run(
      'metro',
      {
        operation: 'send',
        chatId,
        binaryPropertyName: 'scan',
        fileName: 'receipt.png',
        text: 'Your receipt',
      },
      [input],
    );
    expect(error).toBeUndefined();
    const sent = sandbox.control.thread('metro', chatId).at(-1)!;
    expect(sent.text).toBe('Your receipt');
    expect(sent.attachments[0]!.name).toMatch(/^receipt/);
  });

  it('a missing binary property is an error naming it', async () => {
    const chatId = sandbox.control.threads('yandex')[0]!.chatId;
    const { error } = await run('yandex', { operation: 'send', chatId, binaryPropertyName: 'nothing' });
    expect(error?.message).toMatch(/nothing/);
  });

  it('Yandex: a file over 5 MB is refused before sending', async () => {
    const chatId = sandbox.control.threads('yandex')[0]!.chatId;
    const before = sandbox.control.thread('yandex', chatId).length;
    const input = itemWithFiles({
      data: { name: 'big.bin', mimeType: 'application/octet-stream', data: bytes(5 * 1024 * 1024 + 1) },
    });
    const { error } = await run('yandex', { operation: 'send', chatId, binaryPropertyName: 'data' }, [input]);
    expect(error?.message).toMatch(/Yandex Market/);
    expect(`${error?.message} ${error?.description ?? ''}`).toMatch(/5 ?MB|5242880|MiB/);
    expect(sandbox.control.thread('yandex', chatId)).toHaveLength(before);
  });
});

describe('File → Upload (Metro)', () => {
  it("uploads to the chat's order and returns the file ID to attach later", async () => {
    const order = sandbox.metroOrders().find((o) => o.chatId !== undefined)!;
    const input = itemWithFiles({
      data: { name: 'manual.pdf', mimeType: 'application/pdf', data: bytes(2048, 4) },
    });
    const { items, error } = await run(
      'metro',
      { operation: 'upload', orderId: order.orderId, binaryPropertyName: 'data' },
      [input],
    );
    expect(error).toBeUndefined();
    expect(items![0]!.json).toMatchObject({
      orderId: order.orderId,
      fileId: expect.any(String),
      fileType: 'application/pdf',
    });
  });
});
