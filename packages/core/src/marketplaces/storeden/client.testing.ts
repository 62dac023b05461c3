// Test support for the Storeden client tests (not exported from the package).
import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { createAxiosTransport, nodeRuntime } from '../../axios/index.js';
import type { Transport, TransportRequest } from '../../http/transport.js';
import { createStoredenClient, type StoredenClient, type StoredenClientOptions } from './client.js';
import type { StoredenCredentials } from './credentials.js';

export interface StoredenSandbox {
  sb: RunningSandbox;
  baseUrl: string;
  readWrite: StoredenCredentials;
  readOnly: StoredenCredentials;
  /** Every request a client made through the counting transport. */
  sent: TransportRequest[];
  client(overrides?: Partial<StoredenClientOptions>): StoredenClient;
  control(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
}

export async function startStoredenSandbox(chats: number): Promise<StoredenSandbox> {
  const sb = await startSandbox({ port: 0, seed: 11, chats });
  const baseUrl = `${sb.url}/storeden`;
  const control = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${sb.url}/_sandbox${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  const credentials = (await control('/storeden/credentials')) as Record<string, StoredenCredentials>;
  const sent: TransportRequest[] = [];
  const axios = createAxiosTransport();
  // Wraps the real transport only to count and inspect what was sent.
  const counting: Transport = (request) => {
    sent.push(request);
    return axios(request);
  };
  return {
    sb,
    baseUrl,
    readWrite: credentials.readWrite!,
    readOnly: credentials.readOnly!,
    sent,
    control,
    client: (overrides = {}) =>
      createStoredenClient({
        credentials: credentials.readWrite!,
        transport: counting,
        runtime: nodeRuntime,
        baseUrl,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        ...overrides,
      }),
  };
}
