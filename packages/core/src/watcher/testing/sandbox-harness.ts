import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { nodeRuntime } from '../../axios/node-runtime.js';
import { createAxiosTransport } from '../../axios/transport.js';
import type { Runtime } from '../../http/clock.js';
import { countingTransport, type CountingTransport } from '../../marketplaces/shared/testing/counting-transport.js';
import { type ClientsByMarketplace, createClient } from '../../marketplaces/create-client.js';
import type { MarketplaceId } from '../../model/marketplace.js';

/**
 * The real sandbox over loopback HTTP, with its base clock in the test's hands: time moves only
 * when a test says so, so "many messages at one timestamp" is exact, and the host's clock (the
 * client's runtime, used only for request signing) is the same base unless a test skews the
 * sandbox with its control API.
 */
export interface WatcherSandbox {
  sb: RunningSandbox;
  /** Moves the shared base clock (host and marketplace) forward. */
  advance(ms: number): void;
  now(): number;
  client<M extends MarketplaceId>(marketplace: M): { client: ClientsByMarketplace[M]; counter: CountingTransport };
  write(marketplace: MarketplaceId, chatId: string, text: string): string;
  open(marketplace: MarketplaceId, text: string): { chatId: string; messageId: string };
  close(): Promise<void>;
}

const CREDENTIAL_SET = ['default', 'seller', 'readWrite'];

export async function openWatcherSandbox(chats = 12, seed = 7): Promise<WatcherSandbox> {
  let base = Date.UTC(2026, 2, 2, 9, 0, 0);
  const sb = await startSandbox({ port: 0, seed, chats, now: () => base });
  const runtime: Runtime = { ...nodeRuntime, clock: { now: () => base } };
  const axios = createAxiosTransport();
  return {
    sb,
    advance(ms) {
      base += ms;
    },
    now: () => base,
    client(marketplace) {
      const sets = sb.control.credentials(marketplace);
      const name = CREDENTIAL_SET.find((n) => sets[n] !== undefined) ?? Object.keys(sets)[0]!;
      const counter = countingTransport(axios);
      const client = createClient({
        marketplace,
        credentials: sets[name] as never,
        baseUrl: `${sb.url}/${marketplace}`,
        transport: counter.transport,
        runtime,
        retry: { maxAttempts: 1 },
      } as never) as ClientsByMarketplace[typeof marketplace];
      return { client, counter };
    },
    write(marketplace, chatId, text) {
      return sb.control.buyerWrite(marketplace, { chatId, text }).messageId;
    },
    open(marketplace, text) {
      return sb.control.buyerOpenChat(marketplace, { text });
    },
    close: () => sb.close(),
  };
}
