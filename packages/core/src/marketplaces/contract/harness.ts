import {
  type MarketplaceModule,
  type ModuleFactory,
  marketplaceModules,
  type RunningSandbox,
  type SandboxControl,
  startSandbox,
} from '@sellerchat/sandbox';
import { createAxiosTransport } from '../../axios/index.js';
import { createNodeClient, type NodeClientOptions } from '../../axios/node-client.js';
import type { Capabilities } from '../../model/capabilities.js';
import type { MarketplaceId } from '../../model/marketplace.js';
import { CAPABILITIES } from '../capabilities.js';
import type { MarketplaceClient } from '../client.js';
import { type CountingTransport, countingTransport } from '../shared/testing/counting-transport.js';
import { FIXTURES, type MarketplaceFixture } from './fixtures.js';

/** Chats seeded per marketplace: several pages on every marketplace that pages. */
export const CONTRACT_CHATS = 75;
const CONTRACT_SEED = 20_240_601;

/** Everything one marketplace's contract run needs: a client factory, the sandbox and its view. */
export interface ContractHarness {
  marketplace: MarketplaceId;
  capabilities: Capabilities;
  fixture: MarketplaceFixture;
  control: SandboxControl;
  /** Every request the harness's clients send, through the real axios transport. */
  counter: CountingTransport;
  /** The sandbox module itself, for what the control API does not show (orders without a chat). */
  module: MarketplaceModule;
  /** The read/write credentials (the first entry of the sandbox's credentials). */
  credentials: Record<string, string>;
  /** A client built with `createNodeClient`, on the counting transport; other credentials on demand. */
  client(credentials?: Record<string, string>): MarketplaceClient;
  /** A chat of the seed the seller may write to now. */
  writableChatId(): string;
  close(): Promise<void>;
}

export type ContractSetup = () => Promise<ContractHarness>;

/** Starts a sandbox seeded with many chats and returns the harness for one marketplace. */
export function contractSetup(marketplace: MarketplaceId): ContractSetup {
  return async () => {
    let module: MarketplaceModule | undefined;
    // Keeps a handle on the marketplace's module: what a free order is lives only there.
    const modules: ModuleFactory[] = marketplaceModules.map((factory) => (ctx) => {
      const created = factory(ctx);
      if (created.id === marketplace) module = created;
      return created;
    });
    const sandbox: RunningSandbox = await startSandbox({ port: 0, chats: 0, modules });
    const { control } = sandbox;
    control.seed({ seed: CONTRACT_SEED, chats: CONTRACT_CHATS });
    if (!module) {
      await sandbox.close();
      throw new Error(`the sandbox has no ${marketplace} module`);
    }
    const fixture = FIXTURES[marketplace];
    const [credentials] = Object.values(control.credentials(marketplace));
    if (!credentials) throw new Error(`the sandbox gives no ${marketplace} credentials`);
    const counter = countingTransport(createAxiosTransport());
    const baseUrl = `${sandbox.url}/${marketplace}`;
    const found = module;
    return {
      marketplace,
      capabilities: CAPABILITIES[marketplace],
      fixture,
      control,
      counter,
      module: found,
      credentials,
      client: (other = credentials) => {
        const options = {
          marketplace,
          credentials: other,
          baseUrl,
          transport: counter.transport,
          // Short waits keep retries fast; the policy itself is the pipeline's.
          retry: { baseDelayMs: 1, maxDelayMs: 10 },
        };
        // The sandbox hands credentials out untyped; each client checks their shape itself.
        return createNodeClient(options as unknown as NodeClientOptions);
      },
      writableChatId: () => {
        const thread = control.threads(marketplace).find((t) => fixture.writable(t));
        if (!thread) throw new Error(`the ${marketplace} seed has no chat the seller may write to`);
        return thread.chatId;
      },
      close: () => sandbox.close(),
    };
  };
}
