import type { SandboxResponse } from '../../types.js';
import { categoryTree } from './categories.js';
import type { MetroEnv } from './env.js';
import { success } from './envelope.js';
import { subjectTree } from './subjects.js';

/** The seed's example of this call has no `metadata` key (unlike its neighbours), so neither does this. */
export function getCategories(): SandboxResponse {
  return success(200, 'Chat categories have been fetched successfully', categoryTree(), 'omit');
}

export function getSubjects(): SandboxResponse {
  return success(200, 'Chat Subjects have been fetched successfully', subjectTree());
}

/** Unknown order numbers answer `exist: false` rather than 404 (a guess: fidelity-metro.md). */
export function getEmailsExist(env: MetroEnv, orderNumber: string): SandboxResponse {
  const orderId = env.store.orderIdByNumber.get(orderNumber);
  const exist = orderId !== undefined && env.store.orders.get(orderId)?.emailsExist === true;
  return success(200, `Successfully verified email existence for Order [${orderNumber}]`, { exist });
}
