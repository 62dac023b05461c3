import { CAPABILITIES, isMarketplaceId, MARKETPLACE_NAMES, type MarketplaceClient } from '@sellerchat/core';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { errorJson, toNodeError } from '../helpers/errors.js';
import { connect } from '../transport/connect.js';
import { findOperation } from './registry.js';

/**
 * Runs the chosen operation for every input item. An operation the marketplace cannot do (set
 * by an expression, or left from another marketplace) is refused before any request is made.
 */
export async function route(fn: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = fn.getInputData();
  const out: INodeExecutionData[] = [];
  let client: MarketplaceClient | undefined;
  let clientFor: string | undefined;
  for (let i = 0; i < items.length; i++) {
    try {
      const marketplace = fn.getNodeParameter('marketplace', i) as string;
      if (!isMarketplaceId(marketplace)) {
        throw new NodeOperationError(fn.getNode(), `Unknown marketplace "${marketplace}"`, { itemIndex: i });
      }
      // A resource or operation the marketplace hides has no parameter to read: '' is refused below.
      const resource = String(fn.getNodeParameter('resource', i, '') ?? '');
      const operation = String(fn.getNodeParameter('operation', i, '') ?? '');
      const op = findOperation(resource, operation);
      const caps = CAPABILITIES[marketplace];
      if (!op && resource && !operation) {
        throw new NodeOperationError(
          fn.getNode(),
          `${MARKETPLACE_NAMES[marketplace]} does not support any ${resource} operation`,
          { itemIndex: i, description: caps.notes.join(' ') },
        );
      }
      if (!op) {
        throw new NodeOperationError(
          fn.getNode(),
          `${MARKETPLACE_NAMES[marketplace]}: unknown operation "${operation}" of resource "${resource}"`,
          {
            itemIndex: i,
          },
        );
      }
      if (!op.supports(caps)) {
        throw new NodeOperationError(
          fn.getNode(),
          `${MARKETPLACE_NAMES[marketplace]} does not support ${resource} → ${op.name}`,
          { itemIndex: i, description: caps.notes.join(' ') },
        );
      }
      if (!client || clientFor !== marketplace) {
        client = await connect(fn, marketplace);
        clientFor = marketplace;
      }
      const results = await op.execute({ fn, client, marketplace, caps, itemIndex: i });
      for (const result of results) out.push({ ...result, pairedItem: { item: i } });
    } catch (error) {
      if (fn.continueOnFail()) {
        out.push({ json: errorJson(error), pairedItem: { item: i } });
        continue;
      }
      throw toNodeError(fn.getNode(), error, i);
    }
  }
  return [out];
}
