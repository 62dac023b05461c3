import { describe, expect, it } from 'vitest';
import { CATEGORIES, isLeafCategory, LANGUAGES, pickLanguage } from './categories.js';
import { findSellerSubject } from './subjects.js';
import { metroHarness } from './testing/harness.js';

interface Node {
  id: number;
  parentId: number | null;
  children: Node[];
  translations: Array<Record<string, string>>;
}

const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('Metro chat categories and subjects', () => {
  it('serves the category tree with parentIds that point at the enclosing node and all 8 languages', async () => {
    const res = await metroHarness().get('/openapi/v1/chat-categories');
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Chat categories have been fetched successfully');
    const nodes = flatten(res.body.data);
    expect(nodes).toHaveLength(CATEGORIES.length);
    for (const node of nodes) {
      for (const child of node.children) expect(child.parentId).toBe(node.id);
      expect(Object.keys(node.translations[0] ?? {})).toEqual([...LANGUAGES]);
    }
    expect(nodes.find((n) => n.id === 211)?.translations[0]?.en).toBe('Order status');
  });

  it('serves SELLER and BUYER subject trees; every SELLER leaf maps to a leaf category', async () => {
    const res = await metroHarness().get('/openapi/v1/chat-subjects');
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual([]);
    expect(Object.keys(res.body.data)).toEqual(['SELLER', 'BUYER']);
    const sellerLeaves = flatten(res.body.data.SELLER).filter((n) => n.children.length === 0);
    expect(sellerLeaves.length).toBeGreaterThan(3);
    for (const leaf of sellerLeaves) {
      const found = findSellerSubject(String(leaf.id));
      expect(found.ok).toBe(true);
      if (found.ok) expect(isLeafCategory(found.subject.categoryId)).toBe(true);
    }
    expect(res.body.data.SELLER.find((n: { subject: string }) => n.subject === 'OTHERS')?.isCustom).toBe(
      true,
    );
  });

  it('answers emails-exist for known and unknown order numbers', async () => {
    const h = metroHarness(30);
    const orders = [...h.metro.orders()];
    const results = await Promise.all(
      orders.map((o) => h.get(`/openapi/v1/orders/${encodeURIComponent(o.orderNumber)}/emails-exist`)),
    );
    const exists = results.map((r) => r.body.data.exist);
    expect(exists).toContain(true);
    expect(exists).toContain(false);
    const unknown = await h.get('/openapi/v1/orders/O25-000000000000/emails-exist');
    expect(unknown.body).toEqual({
      status: 'success',
      message: 'Successfully verified email existence for Order [O25-000000000000]',
      data: { exist: false },
      metadata: [],
    });
  });

  it('picks the first supported Accept-Language, defaulting to en', () => {
    expect(pickLanguage(undefined)).toBe('en');
    expect(pickLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(pickLanguage('ja, hr')).toBe('hr');
    expect(pickLanguage('ja')).toBe('en');
  });
});
