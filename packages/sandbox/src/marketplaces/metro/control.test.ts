import { describe, expect, it } from 'vitest';
import { createMetroModule } from './index.js';
import { createTestContext } from './testing/context.js';
import { metroHarness } from './testing/harness.js';

describe('Metro seed', () => {
  it('is deterministic for the same random seed and clock', () => {
    const a = createMetroModule(createTestContext(7));
    const b = createMetroModule(createTestContext(7));
    const c = createMetroModule(createTestContext(8));
    a.seed(20);
    b.seed(20);
    c.seed(20);
    expect(a.listThreads()).toEqual(b.listThreads());
    expect(a.listThreads()).not.toEqual(c.listThreads());
  });

  it('holds every status, seen and unseen chats, buyer- and seller-started chats and attachments', async () => {
    const h = metroHarness(16);
    const chats = (await h.get('/openapi/v1/chats', [['limit', '100']])).body.data;
    expect(new Set(chats.map((c: { status: string }) => c.status))).toEqual(
      new Set(['DRAFT', 'WAITING_FOR_BUYER', 'WAITING_FOR_SELLER', 'OVER_SLA']),
    );
    expect(new Set(chats.map((c: { isSeen: boolean }) => c.isSeen))).toEqual(new Set([true, false]));
    expect(new Set(chats.map((c: { subject: string }) => c.subject.split('.')[0]))).toEqual(
      new Set(['SELLER', 'BUYER']),
    );
    const threads = chats.map((c: { id: string }) => h.metro.thread(c.id) ?? []);
    const attachments = threads.flat().flatMap((m: { attachments: unknown[] }) => m.attachments);
    expect(attachments.length).toBeGreaterThan(0);
    expect(h.metro.orders().filter((o) => o.chatId === undefined).length).toBeGreaterThanOrEqual(5);
    expect(h.metro.sellerMessages()).toEqual([]);
  });

  it('replaces the data on a new seed and empties it on reset, settings included', async () => {
    const h = metroHarness(10);
    h.metro.configure({ maxPageSize: 5 });
    h.metro.seed(3);
    expect(h.metro.listThreads()).toHaveLength(3);
    h.metro.reset();
    expect(h.metro.listThreads()).toEqual([]);
    expect(h.metro.settings().maxPageSize).toBe(100);
  });
});

describe('Metro control API', () => {
  it('buyerOpenChat starts a buyer chat on a new order, by category key when given', async () => {
    const h = metroHarness(0);
    const { chatId, messageId } = h.metro.buyerOpenChat({
      text: 'Refund please',
      name: 'Ada Lovelace',
      kind: 'refund',
    });
    const chat = (await h.get('/openapi/v1/chats', [['filters[chatId]', chatId]])).body.data[0];
    expect(chat.buyer).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(chat.subject).toBe('BUYER.RETURNS.REFUND');
    expect(chat.category.id).toBe(242);
    expect(h.metro.thread(chatId)).toEqual([
      expect.objectContaining({
        id: messageId,
        from: 'buyer',
        text: 'Refund please',
        at: '2025-09-09T12:00:00.000Z',
      }),
    ]);
    expect(() => h.metro.buyerOpenChat({ text: 'x', kind: 'nonsense' })).toThrow(/unknown chat kind/);
    expect(h.metro.buyerOpenChat({ text: 'x', kind: 'order' }).chatId).toBeTypeOf('string');
  });

  it('buyerWrite stores a buyer file, refuses unknown chats and refused file types', () => {
    const h = metroHarness(0);
    const { chatId } = h.metro.buyerOpenChat({ text: 'Hi' });
    h.metro.buyerWrite(chatId, 'photo', { name: 'p.png', mimeType: 'image/png', data: Buffer.from('png') });
    const last = h.metro.thread(chatId)?.at(-1);
    expect(last?.attachments).toEqual([
      { name: 'p.png', mimeType: 'image/png', size: 3, url: expect.stringContaining('/_sandbox/files/') },
    ]);
    expect(() => h.metro.buyerWrite('nope', 'x')).toThrow(/no chat 'nope'/);
    expect(() =>
      h.metro.buyerWrite(chatId, 'x', { name: 'a.gif', mimeType: 'image/gif', data: Buffer.from('g') }),
    ).toThrow(/not allowed/);
  });

  it('closeChat refuses: Metro has no closed state', () => {
    const h = metroHarness(1);
    const chatId = h.metro.listThreads()[0]?.chatId as string;
    expect(() => h.metro.closeChat(chatId)).toThrow(/cannot be closed/);
  });

  it('listThreads gives order context and ISO UTC times; sellerMessages lists API sends oldest first', async () => {
    const h = metroHarness(3);
    const [first, second] = h.metro.listThreads();
    expect(first?.context?.orderNumber).toMatch(/^O25-\d{12}$/);
    expect(first?.lastMessageAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await h.post(`/openapi/v1/chats/${second?.chatId}/messages`, { content: 'one' });
    h.ctx.advance(1000);
    await h.post(`/openapi/v1/chats/${first?.chatId}/messages`, { content: 'two' });
    expect(h.metro.sellerMessages().map((m) => [m.chatId, m.text, m.from])).toEqual([
      [second?.chatId, 'one', 'seller'],
      [first?.chatId, 'two', 'seller'],
    ]);
  });

  it('configure refuses unknown keys and bad values, changing nothing', () => {
    const h = metroHarness(0);
    expect(() => h.metro.configure({ rateLimit: 5 })).toThrow(/no setting 'rateLimit'/);
    expect(() => h.metro.configure({ maxPageSize: 50, signatureEncoding: 'rot13' })).toThrow(
      /signatureEncoding/,
    );
    expect(h.metro.settings()).toMatchObject({ maxPageSize: 100, signatureEncoding: 'any' });
    expect(h.metro.credentials()).toEqual({
      seller: { clientKey: 'sandbox-metro-client-key', clientSecret: 'sandbox-metro-client-secret' },
    });
  });
});
