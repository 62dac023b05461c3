import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, metroHarness } from './testing/harness.js';
import * as examples from './testing/seed-examples.js';
import { type ShapeOptions, shapeDifferences } from './testing/shape.js';
import { multipartBody } from './testing/signed-request.js';

/**
 * Every response against the vendor's example payload: same keys, same value kinds. Where the
 * example cannot show a kind, the allowance is named here:
 * - `customSubject` is null in every example but holds the text of a custom subject;
 * - the examples' `translations` list only en and de, while the seed names 8 languages;
 * - `seenAt` is null in the send example and a string in the list example.
 */
const CHAT_OPTIONS: ShapeOptions = { nullableAs: { '.customSubject': 'string' } };
const MESSAGE_OPTIONS: ShapeOptions = { nullableAs: { '.seenAt': 'string' } };
const TREE_OPTIONS: ShapeOptions = { recursiveKeys: ['children'], openObjects: ['.translations[0]'] };

describe('Metro responses have the shapes of the seed examples', () => {
  let h: Harness;
  let chatWithAttachments: string;
  let customChat: string;

  beforeAll(async () => {
    h = metroHarness(24);
    const order = h.metro.orders().find((o) => o.chatId !== undefined);
    chatWithAttachments = order?.chatId as string;
    const { body, contentType } = multipartBody({
      name: 'Test Document.pdf',
      type: 'application/pdf',
      data: Buffer.from('x'),
    });
    const upload = await h.call({
      method: 'POST',
      path: `/openapi/v1/orders/${order?.orderId}/upload-file`,
      body,
      headers: { 'content-type': contentType },
    });
    const file = upload.body.data;
    await h.post(`/openapi/v1/chats/${chatWithAttachments}/messages`, {
      content: 'with file',
      attachments: [{ fileId: file.fileId, fileName: 'Test Document', fileType: file.fileType }],
    });
    h.metro.buyerWrite(chatWithAttachments, 'thanks');
    const free = h.metro.orders().find((o) => o.chatId === undefined);
    customChat = (
      await h.post(`/openapi/v1/orders/${free?.orderId}/chats`, { subject: 'OTHERS', customSubject: 'x' })
    ).body.data.id;
  });

  it('GET /chat-categories', async () => {
    const res = await h.get('/openapi/v1/chat-categories');
    expect(shapeDifferences(res.body, examples.categoriesResponse, TREE_OPTIONS)).toEqual([]);
  });

  it('GET /chat-subjects', async () => {
    const res = await h.get('/openapi/v1/chat-subjects');
    expect(shapeDifferences(res.body, examples.subjectsResponse, TREE_OPTIONS)).toEqual([]);
  });

  it('GET /orders/{orderNumber}/emails-exist', async () => {
    const res = await h.get('/openapi/v1/orders/O25-12345678910/emails-exist');
    expect(shapeDifferences(res.body, examples.emailsExistResponse)).toEqual([]);
  });

  it('POST /orders/{orderId}/chats', async () => {
    const free = h.metro.orders().find((o) => o.chatId === undefined);
    const res = await h.post(`/openapi/v1/orders/${free?.orderId}/chats`, examples.createChatRequest);
    expect(res.status).toBe(201);
    expect(shapeDifferences(res.body, examples.createChatResponse, CHAT_OPTIONS)).toEqual([]);
  });

  it('GET /chats, every seeded chat and a custom-subject chat', async () => {
    const res = await h.get('/openapi/v1/chats', [['limit', '100']]);
    expect(res.body.data.map((c: { id: string }) => c.id)).toContain(customChat);
    expect(shapeDifferences(res.body, examples.listChatsResponse, CHAT_OPTIONS)).toEqual([]);
  });

  it('GET /chats/unseen', async () => {
    const res = await h.get('/openapi/v1/chats/unseen');
    expect(res.body.data.chats.length).toBeGreaterThan(0);
    expect(shapeDifferences(res.body, examples.unseenChatsResponse, CHAT_OPTIONS)).toEqual([]);
  });

  it('POST /orders/{orderId}/upload-file', async () => {
    const orderId = h.metro.orders()[0]?.orderId;
    const { body, contentType } = multipartBody({
      name: 'a.txt',
      type: 'text/plain',
      data: Buffer.from('a'),
    });
    const res = await h.call({
      method: 'POST',
      path: `/openapi/v1/orders/${orderId}/upload-file`,
      body,
      headers: { 'content-type': contentType },
    });
    expect(shapeDifferences(res.body, examples.uploadFileResponse)).toEqual([]);
  });

  it('POST /chats/{chatId}/messages with and without attachments', async () => {
    const plain = await h.post(`/openapi/v1/chats/${chatWithAttachments}/messages`, { content: 'plain' });
    // The example message has an attachment; a message without one is that shape with [].
    const example = { ...examples.sendMessageResponse, data: { ...examples.sendMessageResponse.data } };
    expect(
      shapeDifferences(
        { ...plain.body, data: { ...plain.body.data, attachments: example.data.attachments } },
        example,
      ),
    ).toEqual([]);
    expect(plain.body.data.attachments).toEqual([]);
  });

  it('GET /chats/{chatId}/messages (seen and unseen messages, with attachments)', async () => {
    const res = await h.get(`/openapi/v1/chats/${chatWithAttachments}/messages`);
    const withFiles = res.body.data.filter((m: { attachments: unknown[] }) => m.attachments.length > 0);
    expect(withFiles.length).toBeGreaterThan(0);
    // seenAt is a string in this example and null in the send example: a message may be either.
    const merged = {
      ...examples.listMessagesResponse,
      data: [...examples.listMessagesResponse.data, examples.sendMessageResponse.data],
    };
    const onlyWithFiles = { ...res.body, data: withFiles };
    expect(shapeDifferences(onlyWithFiles, merged)).toEqual([]);
  });

  it('GET /chats/{chatId}/messages/{messageId} has the Message shape', async () => {
    const messageId = h.metro.thread(chatWithAttachments)?.find((m) => m.attachments.length > 0)?.id;
    const res = await h.get(`/openapi/v1/chats/${chatWithAttachments}/messages/${messageId}`);
    expect(res.body.data.seenAt).toBeTypeOf('string');
    expect(shapeDifferences(res.body, examples.sendMessageResponse, MESSAGE_OPTIONS)).toEqual([]);
  });
});
