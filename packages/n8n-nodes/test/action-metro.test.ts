import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox(4);
});
afterAll(async () => {
  await sandbox.close();
});

function run(parameters: Record<string, unknown>) {
  return runNode({
    parameters: { marketplace: 'metro', resource: 'metro', ...parameters },
    credentials: sandboxCredentials(sandbox, 'metro'),
  });
}

describe('Metro extras', () => {
  it('gets the chat categories tree, one item per top-level category, with leaves to start chats with', async () => {
    const { items, error } = await run({ operation: 'getCategories', language: 'de' });
    expect(error).toBeUndefined();
    expect(items!.length).toBeGreaterThan(0);
    type Node = { id: unknown; children?: Node[] };
    const leaves = (nodes: Node[]): Node[] =>
      nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
    expect(leaves(items!.map((i) => i.json as unknown as Node)).length).toBeGreaterThan(1);
  });

  it('gets the legacy subjects tree', async () => {
    const { items } = await run({ operation: 'getSubjects' });
    expect(items).toHaveLength(1);
    expect(items![0]!.json.SELLER).toEqual(expect.any(Array));
  });

  it('checks whether e-mails exist for an order number', async () => {
    const order = sandbox.metroOrders()[0]!;
    const { items, error } = await run({ operation: 'emailsExist', orderNumber: order.orderNumber });
    expect(error).toBeUndefined();
    expect(items![0]!.json).toEqual({ orderNumber: order.orderNumber, exist: expect.any(Boolean) });
  });
});
