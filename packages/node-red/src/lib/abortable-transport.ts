import { type Transport, transportFailure } from '@sellerchat/core';

/**
 * Gives every request of an account the account's abort signal as well as its own, so closing
 * the account (redeploy, shutdown) cancels whatever is still in flight instead of waiting for it.
 */
export function abortableTransport(inner: Transport, account: AbortSignal): Transport {
  return async (request) => {
    // A retry after the account closed fails at once, without a request.
    if (account.aborted) throw transportFailure('aborted', 'the SellerChat account was closed');
    const controller = new AbortController();
    const own = request.signal;
    const onAbort = () => controller.abort(own?.aborted ? own.reason : account.reason);
    account.addEventListener('abort', onAbort);
    own?.addEventListener('abort', onAbort);
    if (own?.aborted) onAbort();
    try {
      return await inner({ ...request, signal: controller.signal });
    } finally {
      account.removeEventListener('abort', onAbort);
      own?.removeEventListener('abort', onAbort);
    }
  };
}
