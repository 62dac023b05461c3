import { describe, expect, it } from 'vitest';
import { createFakeContext } from '../../../test/contract/fake-context.js';
import { createOzonModule } from './index.js';
import { type Json, ozonHarness } from './test-support.js';

describe('Ozon seed', () => {
  it('covers every scheme, both chat types, every user type and an image', async () => {
    const h = ozonHarness(8);
    const threads = h.module.listThreads();
    expect(threads).toHaveLength(8);
    expect(new Set(threads.map((t) => t.context?.scheme).filter(Boolean))).toEqual(
      new Set(['FBO', 'FBS', 'rFBS']),
    );
    const userTypes = new Set<string>();
    let images = 0;
    for (const thread of threads) {
      const res = await h.send({ path: '/v3/chat/history', body: { chat_id: thread.chatId } });
      for (const message of res.json.messages as Json[]) {
        userTypes.add(message.user.type);
        if (message.is_image) images += 1;
      }
    }
    expect(userTypes).toEqual(new Set(['customer', 'seller', 'crm', 'courier', 'support']));
    expect(images).toBeGreaterThan(0);
    expect(
      h.module
        .openPostings()
        .map((p) => p.scheme)
        .sort(),
    ).toEqual(['FBO', 'FBS', 'FBS', 'rFBS']);
  });

  it('is deterministic for one seed and clock, and reset empties it', () => {
    const a = createOzonModule(createFakeContext().ctx);
    const b = createOzonModule(createFakeContext().ctx);
    a.seed(9);
    b.seed(9);
    expect(a.listThreads()).toEqual(b.listThreads());
    a.configure({ premium: false });
    a.reset();
    expect(a.listThreads()).toEqual([]);
    expect(a.settings()).toMatchObject({ premium: true });
  });
});
