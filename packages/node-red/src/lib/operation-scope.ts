import { AsyncLocalStorage } from 'node:async_hooks';

/** What a node wants to hear about while one of its operations runs on the shared client. */
export interface OperationListener {
  /** The client waits `waitMs` before trying again because the marketplace asked it to slow down. */
  rateLimited(waitMs: number): void;
  /** Aborts the operation's requests (a trigger's poll when the trigger closes). */
  signal?: AbortSignal;
}

// The account's client is shared by every node of the account; its logger cannot tell which
// node a retry belongs to. The async context of the call can: each node runs its operation in
// its own scope, and the account's logger reports to whichever scope the retry happens in.
const scope = new AsyncLocalStorage<OperationListener>();

export function runInScope<T>(listener: OperationListener, operation: () => Promise<T>): Promise<T> {
  return scope.run(listener, operation);
}

export function currentListener(): OperationListener | undefined {
  return scope.getStore();
}
