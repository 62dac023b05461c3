import { type Transport, transportFailure } from '@sellerchat/core';
import { currentListener } from './operation-scope.js';

/**
 * Gives every request of an account the account's abort signal, and the signal of the operation
 * it belongs to (found in its async context), as well as its own: closing a trigger cancels its
 * poll at once, and closing the account cancels whatever is still in flight after its grace time.
 */
export function abortableTransport(inner: Transport, account: AbortSignal): Transport {
  return async (request) => {
    const signals = [account, request.signal, currentListener()?.signal].filter((s): s is AbortSignal => !!s);
    // A retry after a close fails at once, without a request.
    if (signals.some((s) => s.aborted)) throw transportFailure('aborted', 'the SellerChat node was closed');
    const controller = new AbortController();
    const onAbort = () => controller.abort(new Error('the SellerChat node was closed'));
    for (const s of signals) s.addEventListener('abort', onAbort);
    try {
      return await inner({ ...request, signal: controller.signal });
    } finally {
      for (const s of signals) s.removeEventListener('abort', onAbort);
    }
  };
}
