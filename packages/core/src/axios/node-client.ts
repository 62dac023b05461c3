import {
  type ClientsByMarketplace,
  type CreateClientOptions,
  createClient,
} from '../marketplaces/create-client.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { nodeRuntime } from './node-runtime.js';
import { createAxiosTransport } from './transport.js';

export type NodeClientOptions<M extends MarketplaceId = MarketplaceId> = {
  [K in M]: Omit<CreateClientOptions<K>, 'transport' | 'runtime'> &
    Partial<Pick<CreateClientOptions<K>, 'transport' | 'runtime'>>;
}[M];

/** `createClient` for Node processes (Node-RED, scripts, the demo): axios and real timers by default. */
export function createNodeClient<M extends MarketplaceId>(
  options: NodeClientOptions<M>,
): ClientsByMarketplace[M] {
  return createClient({
    ...options,
    transport: options.transport ?? createAxiosTransport(),
    runtime: options.runtime ?? nodeRuntime,
  } as CreateClientOptions<M>);
}
