import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import type { MarketplaceId } from '../../model/marketplace.js';
import { CONTRACT_CHECKS } from './contract-checks.js';
import type { ContractHarness, ContractSetup } from './harness.js';

/**
 * The one test body every marketplace client runs: the same checks, driven by the marketplace's
 * capabilities descriptor, against a sandbox started by `setup`.
 */
export function describeClientContract(marketplace: MarketplaceId, setup: ContractSetup): void {
  describe(`${marketplace} client contract`, () => {
    let h: ContractHarness | undefined;
    const harness = (): ContractHarness => {
      if (!h) throw new Error(`the ${marketplace} contract harness did not start`);
      return h;
    };
    beforeAll(async () => {
      h = await setup();
      if (h.marketplace !== marketplace)
        throw new Error(`setup started ${h.marketplace}, not ${marketplace}`);
    });
    afterEach(() => {
      h?.control.clearFaults();
    });
    afterAll(async () => {
      await h?.close();
    });
    for (const [name, check] of Object.entries(CONTRACT_CHECKS)) {
      it(name, () => check(harness()));
    }
  });
}
