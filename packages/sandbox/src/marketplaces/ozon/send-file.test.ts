import { describe, expect, it } from 'vitest';
import { ozonHarness } from './test-support.js';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=';

describe('Ozon /v1/chat/send/file', () => {
  it('stores a base64 image as an image message with a Markdown link to the bytes', async () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    const res = await h.send({
      path: '/v1/chat/send/file',
      body: { chat_id: chatId, name: 'photo.png', base64_content: PNG_BASE64 },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ result: 'success' });
    const history = await h.send({ path: '/v3/chat/history', body: { chat_id: chatId, limit: 1 } });
    const message = history.json.messages[0];
    expect(message.is_image).toBe(true);
    const url = /^!\[photo\.png\]\((.+)\)$/.exec(message.data[0])![1]!;
    const id = /\/_sandbox\/files\/(\w+)$/.exec(url)![1]!;
    expect(h.ctx.readFile(id)?.data.equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
    expect(h.module.sellerMessages().at(-1)!.attachments).toEqual([
      { name: 'photo.png', mimeType: 'image/png', size: Buffer.from(PNG_BASE64, 'base64').length, url },
    ]);
  });

  it('sends a PDF as a link, not an image', async () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    await h.send({
      path: '/v1/chat/send/file',
      body: {
        chat_id: chatId,
        name: 'invoice.pdf',
        base64_content: Buffer.from('%PDF-1.4').toString('base64'),
      },
    });
    const message = (await h.send({ path: '/v3/chat/history', body: { chat_id: chatId, limit: 1 } })).json
      .messages[0];
    expect(message.is_image).toBe(false);
    expect(message.data[0]).toMatch(/^\[invoice\.pdf\]\(http/);
  });

  it('refuses bad base64, unknown extensions and files over the limit with 400 naming the rule', async () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    h.module.configure({ maxFileBytes: 10 });
    const cases: Array<[object, string]> = [
      [{ name: 'a.png', base64_content: 'not base64!' }, 'base64'],
      [{ name: 'a.exe', base64_content: 'AAAA' }, '.png'],
      [{ name: 'noextension', base64_content: 'AAAA' }, '.pdf'],
      [{ name: 'big.png', base64_content: Buffer.alloc(11).toString('base64') }, '10 bytes'],
      [{ name: 'a.png' }, 'base64_content'],
    ];
    for (const [fields, text] of cases) {
      const res = await h.send({ path: '/v1/chat/send/file', body: { chat_id: chatId, ...fields } });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.json.message).toContain(text);
    }
  });

  it('applies the same send window as messages', async () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    h.advance(50 * 60 * 60 * 1000);
    const res = await h.send({
      path: '/v1/chat/send/file',
      body: { chat_id: chatId, name: 'a.png', base64_content: PNG_BASE64 },
    });
    expect(res.status).toBe(403);
  });
});
