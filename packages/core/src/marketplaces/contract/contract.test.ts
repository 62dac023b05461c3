import { MARKETPLACES } from '../../model/marketplace.js';
import { describeClientContract } from './client-contract.js';
import { contractSetup } from './harness.js';

for (const marketplace of MARKETPLACES) describeClientContract(marketplace, contractSetup(marketplace));
