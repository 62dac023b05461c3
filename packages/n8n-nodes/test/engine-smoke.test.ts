import { MARKETPLACES } from '@sellerchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('smoke', () => {
  it.each(MARKETPLACES)('lists %s chats', async (marketplace) => {
    const result = await runNode({
      parameters: { marketplace, resource: 'chat', operation: 'getAll', returnAll: true },
      credentials: sandboxCredentials(sandbox, marketplace),
    });
    console.log(marketplace, result.error?.message, result.items?.length, JSON.stringify(result.items?.[0]?.json).slice(0, 200));
    expect(result.items?.length).toBeGreaterThan(0);
  });
});
