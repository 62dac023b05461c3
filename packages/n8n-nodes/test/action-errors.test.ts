import { MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { type Sandbox, SECRET_FIELD, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox(4);
});
afterAll(async () => {
  await sandbox.close();
});

const WRONG_SECRET = 'wrong-secret-value-4242';

/** How each sandbox module words its refusal of bad credentials. */
const REFUSAL: Record<MarketplaceId, RegExp> = {
  metro: /X-Signature/,
  yandex: /Api-Key|token|auth/i,
  ozon: /Invalid Api-Key/,
  storeden: /Invalid key\/exchange pair/,
};

function everything(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
  );
}

describe('errors', () => {
  it.each(MARKETPLACES)(
    '%s: wrong credentials give a NodeApiError with the marketplace message and no secret',
    async (marketplace) => {
      const credentials = sandboxCredentials(sandbox, marketplace, {
        [SECRET_FIELD[marketplace]]: WRONG_SECRET,
      });
      const { error, run } = await runNode({
        parameters: { marketplace, resource: 'chat', operation: 'getAll', returnAll: true },
        credentials,
      });
      expect(error?.name).toBe('NodeApiError');
      // Ozon answers a wrong key with 404 and its own text.
      expect(error?.httpCode).toMatch(/^40[134]$/);
      // The sandbox's own refusal text reaches the user.
      expect(`${error?.message} ${error?.description ?? ''}`).toMatch(REFUSAL[marketplace]);
      const good = sandboxCredentials(sandbox, marketplace);
      const secrets = [
        WRONG_SECRET,
        ...Object.values(Object.values(good)[0]!).filter(
          (v) => typeof v === 'string' && v.length > 12 && !v.startsWith('http'),
        ),
      ];
      const text = everything({ error, run: run.data.resultData });
      for (const secret of secrets) expect(text).not.toContain(secret);
    },
  );

  it('no answer at all (connection refused) is a network error naming the marketplace', async () => {
    const { error } = await runNode({
      parameters: { marketplace: 'ozon', resource: 'chat', operation: 'getAll', returnAll: true },
      credentials: sandboxCredentials(sandbox, 'ozon', { baseUrl: 'http://127.0.0.1:9' }),
    });
    expect(error?.name).toBe('NodeApiError');
    expect(error?.message).toMatch(/refused/i);
    expect(error?.description).toMatch(/Ozon/);
  });

  it('a 500 from the marketplace carries its message', async () => {
    sandbox.control.addFault({
      marketplace: 'yandex',
      kind: 'status',
      status: 500,
      body: { status: 'ERROR', errors: [{ code: 'INTERNAL', message: 'Market is resting' }] },
      times: 10,
    });
    try {
      const { error } = await runNode({
        parameters: {
          marketplace: 'yandex',
          resource: 'chat',
          operation: 'get',
          chatId: sandbox.control.threads('yandex')[0]!.chatId,
        },
        credentials: sandboxCredentials(sandbox, 'yandex'),
      });
      expect(error?.name).toBe('NodeApiError');
      expect(`${error?.message} ${error?.description ?? ''}`).toMatch(/Market is resting/);
    } finally {
      sandbox.control.clearFaults();
    }
  });

  it('continue on fail: the failing item becomes an error item, paired, and the others still run', async () => {
    const good = sandbox.control.threads('ozon')[0]!.chatId;
    const { items, error } = await runNode(
      {
        parameters: {
          marketplace: 'ozon',
          resource: 'chat',
          operation: 'get',
          chatId: '={{ $json.chatId }}',
        },
        credentials: sandboxCredentials(sandbox, 'ozon'),
        continueOnFail: true,
      },
      [{ json: { chatId: good } }, { json: { chatId: 'no-such-chat' } }, { json: { chatId: good } }],
    );
    expect(error).toBeUndefined();
    expect(items).toHaveLength(3);
    expect(items!.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(items![0]!.json.id).toBe(good);
    expect(items![1]!.json).toMatchObject({
      error: expect.stringMatching(/Ozon/),
      kind: expect.any(String),
      marketplace: 'ozon',
    });
    expect(items![2]!.json.id).toBe(good);
  });

  it('without continue on fail, the first failing item stops the node with the item index', async () => {
    const { error, items } = await runNode(
      {
        parameters: {
          marketplace: 'storeden',
          resource: 'message',
          operation: 'send',
          chatId: '={{ $json.chatId }}',
          text: 'hi',
        },
        credentials: sandboxCredentials(sandbox, 'storeden', {}, 'readOnly'),
      },
      [{ json: { chatId: sandbox.control.threads('storeden')[0]!.chatId } }],
    );
    expect(items).toBeUndefined();
    expect(error?.name).toBe('NodeApiError');
    expect(error?.message).toMatch(/Storeden/);
  });

  it.each(['metro', 'yandex'] as MarketplaceId[])(
    '%s: validation errors are NodeOperationErrors naming the field',
    async (marketplace) => {
      const { error } = await runNode({
        parameters: {
          marketplace,
          resource: 'message',
          operation: 'send',
          chatId: sandbox.control.threads(marketplace)[0]!.chatId,
          text: '   ',
        },
        credentials: sandboxCredentials(sandbox, marketplace),
      });
      expect(error?.name).toBe('NodeOperationError');
      expect(error?.message).toMatch(/text/);
    },
  );
});
