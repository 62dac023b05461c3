import { describe, expect, it } from 'vitest';
import { ozonHarness } from './test-support.js';

describe('Ozon /v1/chat/start', () => {
  it('opens an empty chat for an FBS posting in its window and returns the same chat again', async () => {
    const h = ozonHarness();
    const posting = h.module
      .openPostings()
      .find(
        (p) => p.scheme === 'FBS' && p.deliveredAt === undefined && h.ctx.now() - p.paidAt < 72 * 3600_000,
      )!;
    const res = await h.send({ path: '/v1/chat/start', body: { posting_number: posting.postingNumber } });
    expect(res.status).toBe(200);
    const chatId = res.json.result.chat_id;
    expect(chatId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await h.send({ path: '/v1/chat/start', body: { posting_number: posting.postingNumber } });
    expect(again.json).toEqual({ result: { chat_id: chatId } });
    expect(h.module.thread(chatId)).toEqual([]);
    const send = await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'Hello!' } });
    expect(send.status).toBe(200);
  });

  it('opens rFBS within 72 h of delivery', async () => {
    const h = ozonHarness();
    const posting = h.module.openPostings().find((p) => p.scheme === 'rFBS')!;
    expect(
      (await h.send({ path: '/v1/chat/start', body: { posting_number: posting.postingNumber } })).status,
    ).toBe(200);
  });

  it('refuses FBO and postings past their 72 h with 403, unknown postings with 404', async () => {
    const h = ozonHarness();
    const fbo = h.module.openPostings().find((p) => p.scheme === 'FBO')!;
    const refused = await h.send({ path: '/v1/chat/start', body: { posting_number: fbo.postingNumber } });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toContain('only the buyer');
    const old = h.module
      .openPostings()
      .find((p) => p.scheme === 'FBS' && h.ctx.now() - p.paidAt > 72 * 3600_000)!;
    const late = await h.send({ path: '/v1/chat/start', body: { posting_number: old.postingNumber } });
    expect(late.status).toBe(403);
    expect(late.json.message).toContain('72 hours');
    expect(
      (await h.send({ path: '/v1/chat/start', body: { posting_number: '47873153-0052-1' } })).status,
    ).toBe(404);
    expect((await h.send({ path: '/v1/chat/start', body: {} })).status).toBe(400);
  });
});
