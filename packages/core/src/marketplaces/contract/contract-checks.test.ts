import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketplaceClient } from '../client.js';
import { CONTRACT_CHECKS } from './contract-checks.js';
import { type ContractHarness, contractSetup } from './harness.js';

/** A real client whose listMessages loses the second message of every page: a gap the contract must see. */
function droppingOneMessage(real: MarketplaceClient): MarketplaceClient {
  return {
    ...real,
    async listMessages(chatId, options) {
      const page = await real.listMessages(chatId, options);
      return { ...page, items: page.items.filter((_, i) => i !== 1) };
    },
  };
}

describe('the contract catches a broken client', () => {
  let h: ContractHarness;
  beforeAll(async () => {
    h = await contractSetup('storeden')();
  });
  afterAll(async () => {
    await h?.close();
  });

  const incremental =
    CONTRACT_CHECKS[
      'reads only the messages after a known one, oldest first, and the whole history without duplicates'
    ];

  it('passes the real client and fails one that drops a message from listMessages', async () => {
    await incremental(h);
    const broken: ContractHarness = {
      ...h,
      client: (credentials) => droppingOneMessage(h.client(credentials)),
    };
    await expect(incremental(broken)).rejects.toThrow(/to have a length of 3 but got 2/);
  });
});
