import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { nodeRuntime } from '../../axios/node-runtime.js';
import { createAxiosTransport } from '../../axios/transport.js';
import type { Runtime } from '../../http/clock.js';
import { type ClientsByMarketplace, createClient } from '../../marketplaces/create-client.js';
import {
  type CountingTransport,
  countingTransport,
} from '../../marketplaces/shared/testing/counting-transport.js';
import type { MarketplaceId } from '../../model/marketplace.js';

/**
 * The real sandbox over loopback HTTP, with its base clock in the test's hands: time moves only
 * when a test says so, so "many messages at one timestamp" is exact. The host's clock (the
 * client's runtime: request signing, rate limiting) is that base plus real time elapsed, unless
 * a test skews the sandbox with its control API. The watcher itself reads neither.
 */
export interface WatcherSandbox {
  sb: RunningSandbox;
  /** Moves the shared base clock (host and marketplace) forward. */
  advance(ms: number): void;
  now(): number;
  client<M extends MarketplaceId>(
    marketplace: M,
    extra?: { limits?: Record<string, unknown> },
  ): { client: ClientsByMarketplace[M]; counter: CountingTransport };
  write(marketplace: MarketplaceId, chatId: string, text: string): string;
  open(marketplace: MarketplaceId, text: string): { chatId: string; messageId: string };
  close(): Promise<void>;
}

const CREDENTIAL_SET = ['default', 'seller', 'readWrite'];

export async function openWatcherSandbox(chats = 12, seed = 7): Promise<WatcherSandbox> {
  let base = Date.UTC(2026, 2, 2, 9, 0, 0);
  const sb = await startSandbox({ port: 0, seed, chats, now: () => base });
  // Ozon counts 50 requests per second on the sandbox clock, which stands still here: lift it
  // (the client's own limiter still spaces requests on the host clock).
  sb.control.configure('ozon', { rateLimitPerSecond: 1_000_000 });
  // The host's clock follows the same base but keeps running, so limiters that wait for time to
  // pass still see it pass; Metro accepts a signature within 5 minutes of its own clock.
  const started = Date.now();
  const runtime: Runtime = { ...nodeRuntime, clock: { now: () => base + (Date.now() - started) } };
  const axios = createAxiosTransport();
  return {
    sb,
    advance(ms) {
      base += ms;
    },
    now: () => base,
    client(marketplace, extra) {
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
        ...(extra?.limits ? { limits: extra.limits } : {}),
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

/**
 * Open chats with a buyer in them: what the sandbox's "buyer" writes there is a buyer message
 * (in Ozon support chats it would be support's).
 */
export function buyerChats(ws: WatcherSandbox, marketplace: MarketplaceId): string[] {
  return ws.sb.control
    .threads(marketplace)
    .filter((t) => !/closed|finished/i.test(t.status))
    .filter((t) => ws.sb.control.thread(marketplace, t.chatId).some((m) => m.from === 'buyer'))
    .map((t) => t.chatId);
}
