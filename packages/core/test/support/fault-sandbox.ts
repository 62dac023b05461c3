import {
  type MarketplaceModule,
  type ModuleFactory,
  marketplaceModules,
  type RunningSandbox,
  type SandboxControl,
  startSandbox,
} from '@sellerchat/sandbox';
import { createAxiosTransport } from '../../src/axios/index.js';
import {
  type CreateClientOptions,
  createClient,
  type MarketplaceClient,
  type MarketplaceId,
} from '../../src/index.js';
import {
  type CountingTransport,
  countingTransport,
} from '../../src/marketplaces/shared/testing/counting-transport.js';
import type { FastRuntime } from './fast-runtime.js';

/** Small: each cell reseeds, and the fixtures need only one chat to write to and one free order. */
export const FAULT_SEED = { seed: 20_261_122, chats: 12 };

export interface FaultSandbox {
  sandbox: RunningSandbox;
  control: SandboxControl;
  module(marketplace: MarketplaceId): MarketplaceModule;
  /** No faults and the same fresh data, so every cell starts from one state. */
  fresh(): void;
  client(
    marketplace: MarketplaceId,
    runtime: FastRuntime,
    timeoutMs: number,
  ): { client: MarketplaceClient; counter: CountingTransport };
  close(): Promise<void>;
}

export async function openFaultSandbox(): Promise<FaultSandbox> {
  const modules = new Map<string, MarketplaceModule>();
  // Keeps a handle on each module: orders without a chat (to start one for) live only there.
  const factories: ModuleFactory[] = marketplaceModules.map((factory) => (ctx) => {
    const created = factory(ctx);
    modules.set(created.id, created);
    return created;
  });
  const sandbox = await startSandbox({ port: 0, chats: 0, modules: factories });
  const { control } = sandbox;
  // Ozon's 50 requests/s would turn a fast matrix into rate-limit noise the cell did not inject.
  control.configure('ozon', { rateLimitPerSecond: 1_000_000 });
  const transport = createAxiosTransport();
  return {
    sandbox,
    control,
    module(marketplace) {
      const found = modules.get(marketplace);
      if (!found) throw new Error(`the sandbox has no ${marketplace} module`);
      return found;
    },
    fresh() {
      control.clearFaults();
      control.seed(FAULT_SEED);
    },
    client(marketplace, runtime, timeoutMs) {
      const [credentials] = Object.values(control.credentials(marketplace));
      const counter = countingTransport(transport);
      const options = {
        marketplace,
        credentials,
        baseUrl: `${sandbox.url}/${marketplace}`,
        transport: counter.transport,
        runtime,
        timeoutMs,
        // The client's own Ozon limiter would pace hundreds of cells in real time: lifted like the sandbox's.
        ...(marketplace === 'ozon' ? { limits: { all: { rate: 1_000_000, intervalMs: 1000 } } } : {}),
      };
      // The sandbox hands credentials out untyped; each client checks their shape itself.
      return { client: createClient(options as unknown as CreateClientOptions), counter };
    },
    close: () => sandbox.close(),
  };
}
