// Test support for the Metro client tests (not exported from the package).
import { marketplaceModules, type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { createAxiosTransport, nodeRuntime } from '../../axios/index.js';
import type { Logger } from '../../http/options.js';
import type { Transport, TransportRequest } from '../../http/transport.js';
import { createMetroClient, type MetroClient, type MetroClientOptions } from './client.js';
import type { MetroCredentials } from './credentials.js';

export interface FreeOrder {
  orderId: string;
  orderNumber: string;
  chatId?: string;
}

export interface MetroSandbox {
  sb: RunningSandbox;
  baseUrl: string;
  credentials: MetroCredentials;
  /** Every request a client made through the counting transport, as signed and sent. */
  sent: TransportRequest[];
  client(
    overrides?: Omit<Partial<MetroClientOptions>, 'credentials'> & {
      credentials?: Partial<MetroCredentials>;
    },
  ): MetroClient;
  /** The sandbox's orders (its module's own view), to start chats on free ones. */
  orders(): FreeOrder[];
  control(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
  logLines: string[];
}

export async function startMetroSandbox(chats: number): Promise<MetroSandbox> {
  let metro: { orders(): FreeOrder[] } | undefined;
  const sb = await startSandbox({
    port: 0,
    seed: 7,
    chats,
    modules: marketplaceModules.map((factory) => (ctx) => {
      const module = factory(ctx);
      if (module.id === 'metro') metro = module as unknown as { orders(): FreeOrder[] };
      return module;
    }),
  });
  const baseUrl = `${sb.url}/metro`;
  const response = await fetch(`${sb.url}/_sandbox/metro/credentials`);
  const { seller } = (await response.json()) as { seller: { clientKey: string; clientSecret: string } };
  const credentials: MetroCredentials = { clientKey: seller.clientKey, clientSecret: seller.clientSecret };
  const sent: TransportRequest[] = [];
  const axios = createAxiosTransport();
  // Wraps the real transport only to count and inspect what was sent.
  const counting: Transport = (request) => {
    sent.push(request);
    return axios(request);
  };
  const logLines: string[] = [];
  const logger: Logger = {
    debug: (message, data) => logLines.push(`${message} ${JSON.stringify(data ?? {})}`),
    warn: (message, data) => logLines.push(`${message} ${JSON.stringify(data ?? {})}`),
  };
  return {
    sb,
    baseUrl,
    credentials,
    sent,
    logLines,
    client: (overrides = {}) =>
      createMetroClient({
        transport: counting,
        runtime: nodeRuntime,
        baseUrl,
        logger,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        ...overrides,
        credentials: { ...credentials, ...overrides.credentials },
      }),
    orders: () => {
      if (!metro) throw new Error('the Metro module was not created');
      return metro.orders();
    },
    async control(path, init = {}) {
      const res = await fetch(`${sb.url}/_sandbox${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${text}`);
      return text === '' ? undefined : JSON.parse(text);
    },
  };
}
