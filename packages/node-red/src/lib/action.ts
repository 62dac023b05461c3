import { MARKETPLACE_NAMES, ValidationError } from '@sellerchat/core';
import { AccountRuntime } from './account-runtime.js';
import type { DoneFn, NodeMessage, NodeRedApi, RedNode, SendFn } from './red.js';
import { errorDetails, STATUS } from './status.js';

/** The account node a node points at, with the runtime it owns. */
export interface AccountNode extends RedNode {
  sellerchat: AccountRuntime;
}

/** The account runtime behind `accountId`; a missing or broken account is a ValidationError. */
export function accountOf(RED: NodeRedApi, accountId: string | undefined): AccountRuntime {
  const node = accountId ? (RED.nodes.getNode(accountId) as Partial<AccountNode> | null) : null;
  const runtime = node?.sellerchat;
  if (!(runtime instanceof AccountRuntime)) {
    throw new ValidationError('No SellerChat account is selected: open the node and pick one', {
      field: 'account',
      limit: 'a sellerchat-account node',
    });
  }
  if (runtime.problem) throw runtime.problem;
  return runtime;
}

export function marketplaceName(account: AccountRuntime): string {
  return account.marketplace ? MARKETPLACE_NAMES[account.marketplace] : 'SellerChat';
}

/**
 * Runs one msg's work with the status every action node shows: busy while any msg is in
 * flight, rate-limited with the wait, the error (also handed to done, so Catch nodes get the
 * typed error), or idle.
 */
export function actionRunner(node: RedNode, verb: string, resolveAccount: () => AccountRuntime) {
  let inFlight = 0;
  node.status(STATUS.idle());
  return (
    msg: NodeMessage,
    send: SendFn,
    done: DoneFn,
    work: (account: AccountRuntime) => Promise<NodeMessage | null>,
  ): void => {
    inFlight++;
    node.status(STATUS.busy(verb));
    const listener = { rateLimited: (waitMs: number) => node.status(STATUS.rateLimited(waitMs)) };
    let running: Promise<NodeMessage | null>;
    try {
      const account = resolveAccount();
      running = account.run(listener, () => work(account));
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (out) => {
        inFlight--;
        if (inFlight === 0) node.status(STATUS.idle());
        if (out) send(out);
        done();
      },
      (error: unknown) => {
        inFlight--;
        const kind = (error as { kind?: string }).kind;
        const wait = (error as { retryAfterMs?: number }).retryAfterMs;
        node.status(
          kind === 'rate_limit' && wait !== undefined ? STATUS.rateLimited(wait) : STATUS.error(error),
        );
        // Catch nodes get a copy of this msg: the typed details ride along in msg.sellerchat.error.
        msg.sellerchat = { ...(isObject(msg.sellerchat) ? msg.sellerchat : {}), error: errorDetails(error) };
        done(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
