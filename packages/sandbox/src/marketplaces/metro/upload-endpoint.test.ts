import { describe, expect, it } from 'vitest';
import { type Harness, metroHarness } from './testing/harness.js';
import { multipartBody } from './testing/signed-request.js';

const uploadPath = (orderId: string) => `/openapi/v1/orders/${orderId}/upload-file`;

function upload(
  h: Harness,
  orderId: string,
  file: { name: string; type?: string; data: Buffer },
  field = 'file',
) {
  const { body, contentType } = multipartBody(file, field);
  return h.call({
    method: 'POST',
    path: uploadPath(orderId),
    body,
    headers: { 'content-type': contentType },
  });
}

/** A seeded chat and its order. */
function seededChat(h: Harness): { chatId: string; orderId: string } {
  const order = h.metro.orders().find((o) => o.chatId !== undefined);
  if (!order?.chatId) throw new Error('no seeded chat');
  return { chatId: order.chatId, orderId: order.orderId };
}

const pdf = { name: 'Test Document.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 test') };

describe('POST /openapi/v1/orders/{orderId}/upload-file', () => {
  it('stores the file and answers 201 with fileId, fileName, fileType', async () => {
    const h = metroHarness(2);
    const { orderId } = seededChat(h);
    const res = await upload(h, orderId, pdf);
    expect(res.status).toBe(201);
    expect(res.body.message).toBe('File uploaded successfully.');
    expect(res.body.metadata).toEqual([]);
    expect(res.body.data).toEqual({
      fileId: expect.stringMatching(new RegExp(`^files/[0-9a-f-]{36}/${orderId}/[0-9a-f-]{36}$`)),
      fileName: 'Test Document.pdf',
      fileType: 'application/pdf',
    });
    expect([...h.ctx.files.values()].at(-1)?.data.toString()).toBe('%PDF-1.4 test');
  });

  it('accepts each of the 8 documented types and refuses others, naming the file field', async () => {
    const h = metroHarness(2);
    const { orderId } = seededChat(h);
    const allowed = [
      'image/png',
      'image/jpg',
      'image/jpeg',
      'application/pdf',
      'application/vnd.ms-excel',
      'application/msword',
      'application/vnd.ms-word',
      'text/plain; charset=utf-8',
    ];
    for (const type of allowed) expect((await upload(h, orderId, { ...pdf, type })).status, type).toBe(201);
    for (const type of ['image/gif', 'application/zip', undefined]) {
      const res = await upload(h, orderId, { name: pdf.name, data: pdf.data, ...(type ? { type } : {}) });
      expect(res.status).toBe(422);
      expect(res.body.errors.file[0]).toMatch(/is not allowed/);
    }
  });

  it('accepts exactly 10 MB and refuses 11 MB', async () => {
    const h = metroHarness(2);
    const { orderId } = seededChat(h);
    const max = await upload(h, orderId, { ...pdf, data: Buffer.alloc(10 * 1024 * 1024, 1) });
    const big = await upload(h, orderId, { ...pdf, data: Buffer.alloc(11 * 1024 * 1024, 1) });
    expect(max.status).toBe(201);
    expect(big.status).toBe(422);
    expect(big.body.message).toMatch(/limit is 10 MB \(10485760 bytes\)/);
  });

  it('needs a multipart part named file, a known order and a well-formed body', async () => {
    const h = metroHarness(2);
    const { orderId } = seededChat(h);
    expect((await upload(h, orderId, pdf, 'document')).body.errors.file[0]).toMatch(/named "file"/);
    expect((await upload(h, 'no-such-order', pdf)).status).toBe(404);
    const notMultipart = await h.post(uploadPath(orderId), { file: 'x' });
    expect(notMultipart.status).toBe(422);
    const broken = await h.call({
      method: 'POST',
      path: uploadPath(orderId),
      body: Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nno end'),
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(broken.status).toBe(400);
  });
});

describe('attachments on POST /openapi/v1/chats/{chatId}/messages', () => {
  it('attaches uploaded files: the message carries them with a downloadUrl that serves the bytes', async () => {
    const h = metroHarness(2);
    const { chatId, orderId } = seededChat(h);
    const file = (await upload(h, orderId, pdf)).body.data;
    const res = await h.post(`/openapi/v1/chats/${chatId}/messages`, {
      content: 'Invoice attached',
      attachments: [{ fileId: file.fileId, fileType: 'application/pdf', fileName: 'Test Document' }],
    });
    expect(res.status).toBe(201);
    const [attachment] = res.body.data.attachments;
    expect(attachment).toMatchObject({
      fileId: file.fileId,
      fileType: 'application/pdf',
      fileName: 'Test Document',
    });
    const id = /\/_sandbox\/files\/(.+)$/.exec(attachment.downloadUrl)?.[1] as string;
    expect(h.ctx.readFile(id)?.data.toString()).toBe('%PDF-1.4 test');
    const thread = h.metro.thread(chatId) ?? [];
    expect(thread.at(-1)?.attachments[0]).toMatchObject({ name: 'Test Document', size: 13 });
  });

  it('allows 10 attachments and refuses 11', async () => {
    const h = metroHarness(2);
    const { chatId, orderId } = seededChat(h);
    const file = (await upload(h, orderId, pdf)).body.data;
    const one = { fileId: file.fileId, fileName: file.fileName, fileType: file.fileType };
    const ten = await h.post(`/openapi/v1/chats/${chatId}/messages`, {
      content: 'x',
      attachments: Array(10).fill(one),
    });
    const eleven = await h.post(`/openapi/v1/chats/${chatId}/messages`, {
      content: 'x',
      attachments: Array(11).fill(one),
    });
    expect(ten.status).toBe(201);
    expect(eleven.status).toBe(422);
    expect(eleven.body.errors.attachments[0]).toMatch(/has 11 items; the limit is 10/);
  });

  it('refuses a file uploaded for another order, an unknown fileId, a bad fileType and missing fields', async () => {
    const h = metroHarness(4);
    const chats = h.metro.orders().filter((o) => o.chatId !== undefined);
    const [a, b] = chats;
    if (!a?.chatId || !b) throw new Error('seed too small');
    const foreign = (await upload(h, b.orderId, pdf)).body.data;
    const own = (await upload(h, a.orderId, pdf)).body.data;
    const send = (attachments: unknown) =>
      h.post(`/openapi/v1/chats/${a.chatId}/messages`, { content: 'x', attachments });
    const wrongOrder = await send([{ ...foreign }]);
    expect(wrongOrder.body.errors['attachments[0].fileId'][0]).toMatch(/not a file uploaded for order/);
    expect((await send([{ ...own, fileId: 'files/made/up' }])).status).toBe(422);
    expect((await send([{ ...own, fileType: 'image/gif' }])).body.errors).toHaveProperty([
      'attachments[0].fileType',
    ]);
    expect((await send([{ fileId: own.fileId }])).body.errors).toHaveProperty(['attachments[0].fileName']);
    expect((await send('x')).body.errors).toHaveProperty('attachments');
  });
});
