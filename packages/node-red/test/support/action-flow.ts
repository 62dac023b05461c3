// The flow most action-node tests load: account → node under test → helper sinks, plus Catch.
import type { MarketplaceId } from '@sellerchat/core';
import type { NodeMessage } from '../../src/lib/red.js';
import { allNodes, helper, onTab } from './node-red.js';
import { accountNode, type RunningSandbox, sandboxCredentials } from './sandbox.js';

export function actionFlow(
  sb: RunningSandbox,
  marketplace: MarketplaceId,
  node: Record<string, unknown>,
  options: { baseUrl?: string; extra?: Array<Record<string, unknown>> } = {},
) {
  const account = options.baseUrl
    ? { ...accountNode(sb, marketplace), server: 'custom', baseUrl: `${options.baseUrl}/${marketplace}` }
    : accountNode(sb, marketplace);
  return onTab([
    account,
    { id: 'node', account: account.id, wires: [['out']], ...node },
    { id: 'out', type: 'helper' },
    { id: 'catch', type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
    { id: 'caught', type: 'helper' },
    ...(options.extra ?? []),
  ]);
}

export async function loadAction(
  sb: RunningSandbox,
  marketplace: MarketplaceId,
  node: Record<string, unknown>,
  options: { baseUrl?: string; extra?: Array<Record<string, unknown>> } = {},
): Promise<void> {
  await helper.load(await allNodes(), actionFlow(sb, marketplace, node, options), {
    [`acc-${marketplace}`]: sandboxCredentials(sb, marketplace),
  });
}

export interface CaughtError {
  kind: string;
  marketplace?: string;
  field?: string;
  limit?: string;
  operation?: string;
  message: string;
}

export function caughtError(msg: NodeMessage): CaughtError {
  return (msg.sellerchat as { error: CaughtError }).error;
}
