import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileUpload } from '../../model/attachment.js';
import { metroSignature, metroStringToSign } from './auth.js';
import { type MetroSandbox, startMetroSandbox } from './client.testing.js';

let env: MetroSandbox;

beforeAll(async () => {
  env = await startMetroSandbox(12);
});
afterAll(async () => {
  await env.sb.close();
});
beforeEach(async () => {
  env.sent.length = 0;
  await env.control('/faults', { method: 'DELETE' });
  await env.control('/metro/settings', { body: { signatureEncoding: 'any', uploadBodySigning: 'any' } });
});

type SellerMessage = {
  chatId: string;
  text: string;
  attachments: Array<{ name: string; url: string; size: number }>;
};

async function sellerMessages(): Promise<SellerMessage[]> {
  return (await env.control('/metro/seller-messages')) as SellerMessage[];
}

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) % 256;
  return out;
}

async function someChatId(): Promise<string> {
  const [chat] = (await env.client().listChats({ limit: 1 })).items;
  return chat!.id;
}

describe('Metro sendText', () => {
  it('posts the text once and reads it back', async () => {
    const client = env.client();
    const chatId = await someChatId();
    const result = await client.sendText(chatId, 'Your parcel ships today.');
    expect(result.messageId).toEqual(expect.any(String));
    expect(result.message).toMatchObject({
      id: result.messageId,
      chatId,
      sender: 'seller',
      text: 'Your parcel ships today.',
    });
    const history = (await client.listMessages(chatId)).items;
    expect(history.at(-1)).toMatchObject({
      id: result.messageId,
      sender: 'seller',
      text: 'Your parcel ships today.',
    });
    expect((await sellerMessages()).filter((m) => m.text === 'Your parcel ships today.')).toHaveLength(1);
    const post = env.sent.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({
      type: 'text',
      contentType: 'application/json',
      text: '{"content":"Your parcel ships today."}',
    });
    // The body signed is the body sent, byte for byte.
    expect(post.headers['X-Signature']).toBe(
      metroSignature(
        env.credentials.clientSecret,
        metroStringToSign(
          'POST',
          post.url,
          '{"content":"Your parcel ships today."}',
          post.headers['X-Timestamp']!,
        ),
        'base64',
      ),
    );
  });

  it('never posts twice when the response is lost after the message was stored', async () => {
    const client = env.client();
    const chatId = await someChatId();
    await env.control('/faults', {
      body: {
        marketplace: 'metro',
        method: 'POST',
        path: '/openapi/v1/chats/*/messages',
        kind: 'lost-response',
        times: 1,
      },
    });
    const text = `lost response ${Date.now()}`;
    const result = await client.sendText(chatId, text);
    expect(result.message).toMatchObject({ sender: 'seller', text, chatId });
    expect((await sellerMessages()).filter((m) => m.text === text)).toHaveLength(1);
    expect(env.sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('sends again when the first attempt provably never arrived (reset before storing)', async () => {
    const client = env.client();
    const chatId = await someChatId();
    await env.control('/faults', {
      body: {
        marketplace: 'metro',
        method: 'POST',
        path: '/openapi/v1/chats/*/messages',
        kind: 'reset',
        times: 1,
      },
    });
    const text = `reset ${Date.now()}`;
    const result = await client.sendText(chatId, text);
    expect(result.messageId).toEqual(expect.any(String));
    expect((await sellerMessages()).filter((m) => m.text === text)).toHaveLength(1);
    expect(env.sent.filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});

describe('Metro files', () => {
  it('uploads each file to the chat\u2019s order, attaches them to one message, and the bytes come back exact', async () => {
    const client = env.client();
    const [chat] = (await client.listChats({ limit: 1 })).items;
    const pdf: FileUpload = { name: 'invoice.pdf', mimeType: 'application/pdf', data: bytes(200_000, 3) };
    const png: FileUpload = { name: 'photo.png', data: bytes(4096, 9) };
    env.sent.length = 0;
    const result = await client.sendText(chat!.id, 'Invoice and photo attached', { attachments: [pdf, png] });

    const uploads = env.sent.filter((r) => r.url.endsWith('/upload-file'));
    expect(uploads.map((r) => r.url)).toEqual([
      `${env.baseUrl}/openapi/v1/orders/${chat!.context.orderId}/upload-file`,
      `${env.baseUrl}/openapi/v1/orders/${chat!.context.orderId}/upload-file`,
    ]);
    // The chat's order came from the cache filled by listChats: no extra getChat.
    expect(env.sent.filter((r) => r.url.includes('filters[chatId]'))).toHaveLength(0);
    const upload = uploads[0]!;
    expect(upload.body?.type).toBe('multipart');
    expect(upload.headers['X-Signature']).toBe(
      metroSignature(
        env.credentials.clientSecret,
        metroStringToSign('POST', upload.url, '', upload.headers['X-Timestamp']!),
        'base64',
      ),
    );

    const message = result.message!;
    expect(message.text).toBe('Invoice and photo attached');
    expect(message.attachments.map((a) => [a.name, a.mimeType])).toEqual([
      ['invoice.pdf', 'application/pdf'],
      ['photo.png', 'image/png'],
    ]);
    const [readBack] = (await client.listMessages(chat!.id)).items.filter((m) => m.id === message.id);
    expect(readBack!.attachments.every((a) => a.ref?.startsWith('files/') && a.url)).toBe(true);
    expect(await client.downloadAttachment(readBack!.attachments[0]!)).toEqual(pdf.data);
    expect(await client.downloadAttachment(readBack!.attachments[1]!)).toEqual(png.data);
    const sent = (await sellerMessages()).find((m) => m.text === 'Invoice and photo attached')!;
    expect(sent.attachments.map((a) => [a.name, a.size])).toEqual([
      ['invoice.pdf', 200_000],
      ['photo.png', 4096],
    ]);
  });

  it('sends a file alone with its name as the text, and finds the order through the chat when not cached', async () => {
    const [chat] = (await env.client().listChats({ limit: 1 })).items;
    const client = env.client();
    env.sent.length = 0;
    const file: FileUpload = {
      name: 'terms.txt',
      mimeType: 'text/plain',
      data: new TextEncoder().encode('Terms\n'),
    };
    const result = await client.sendFile(chat!.id, file);
    expect(result.message!.text).toBe('terms.txt');
    expect(env.sent.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
    expect(env.sent[0]!.url).toContain(`filters[chatId]=${chat!.id}`);
    const withText = await client.sendFile(chat!.id, file, { text: 'Our terms' });
    expect(withText.message!.text).toBe('Our terms');
    // Cached now: upload and post only.
    expect(env.sent.slice(3).map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('signs multipart uploads over an empty body, which the sandbox accepts when it insists on it', async () => {
    await env.control('/metro/settings', { body: { uploadBodySigning: 'empty' } });
    const client = env.client();
    const chatId = await someChatId();
    const file: FileUpload = { name: 'a.txt', data: new TextEncoder().encode('a') };
    await expect(client.sendFile(chatId, file)).resolves.toMatchObject({ message: { text: 'a.txt' } });
  });
});

describe('Metro startChat', () => {
  it('starts a chat on a free order with a leaf category, and answers the same chat when asked again', async () => {
    const client = env.client();
    const categories = await client.listCategories();
    const leaf = (function find(nodes): { id: number | string } | undefined {
      for (const node of nodes) {
        if (!node.children || node.children.length === 0) return node;
        const inner = find(node.children);
        if (inner) return inner;
      }
      return undefined;
    })(categories);
    const free = env.orders().find((o) => o.chatId === undefined)!;
    const chat = await client.startChat({
      orderId: free.orderId,
      categoryId: String(leaf!.id),
      language: 'de',
    });
    expect(chat).toMatchObject({ kind: 'order', status: 'new', marketplaceStatus: 'DRAFT' });
    expect(chat.context).toEqual({ orderId: free.orderId, orderNumber: free.orderNumber });
    expect(env.sent.at(-1)!.headers['Accept-Language']).toBe('de');
    expect(JSON.parse((env.sent.at(-1)!.body as { text: string }).text)).toEqual({
      categoryId: Number(leaf!.id),
    });

    const again = await client.startChat({ orderId: free.orderId, categoryId: String(leaf!.id) });
    expect(again.id).toBe(chat.id);
    // The new chat's order is known: a file goes straight to the upload.
    env.sent.length = 0;
    await client.sendFile(chat.id, { name: 'x.pdf', data: bytes(10, 1) });
    expect(env.sent[0]!.url).toBe(`${env.baseUrl}/openapi/v1/orders/${free.orderId}/upload-file`);
  });

  it('starts a chat with a legacy custom subject and its text', async () => {
    const client = env.client();
    await client.listSubjects();
    const free = env.orders().find((o) => o.chatId === undefined)!;
    const chat = await client.startChat({
      orderId: free.orderId,
      subject: 'OTHERS',
      customSubject: 'About your invoice',
    });
    expect(chat.subject).toBe('About your invoice');
  });
});
