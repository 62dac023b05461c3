import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRuntime } from '../axios/node-runtime.js';
import { createAxiosTransport } from '../axios/transport.js';
import { ValidationError } from '../errors/errors.js';
import type { Authenticate } from '../http/options.js';
import type { Transport } from '../http/transport.js';
import { MARKETPLACES, type MarketplaceId } from '../model/marketplace.js';
import { type CredentialsByMarketplace, createClient } from './create-client.js';
import { createMetroAuthenticate } from './metro/auth.js';
import { ozonAuthenticate } from './ozon/auth.js';
import { createStoredenAuthenticate } from './storeden/auth.js';
import { yandexAuthenticate } from './yandex/auth.js';

/** Every header name any marketplace's credentials travel in. */
const CREDENTIAL_HEADERS = [
  'api-key',
  'client-id',
  'x-client-id',
  'x-timestamp',
  'x-signature',
  'key',
  'exchange',
];
const WORKING_SET: Record<MarketplaceId, string> = {
  metro: 'seller',
  yandex: 'default',
  ozon: 'default',
  storeden: 'readWrite',
};

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 7, chats: 3 });
});
afterAll(async () => {
  await sb?.close();
});

function credentialsOf<M extends MarketplaceId>(marketplace: M): CredentialsByMarketplace[M] {
  return sb.control.credentials(marketplace)[
    WORKING_SET[marketplace]
  ] as unknown as CredentialsByMarketplace[M];
}

/** What an n8n credential does: it authenticates the request on the host's side of the transport. */
function hostSigner(marketplace: MarketplaceId): Authenticate {
  const c = credentialsOf(marketplace) as never as Record<string, string>;
  switch (marketplace) {
    case 'metro':
      return createMetroAuthenticate({
        clientKey: c.clientKey!,
        clientSecret: c.clientSecret!,
        signatureEncoding: 'base64',
      });
    case 'yandex':
      return yandexAuthenticate(c.apiKey!);
    case 'ozon':
      return ozonAuthenticate(c.clientId!, c.apiKey!);
    case 'storeden':
      return createStoredenAuthenticate({ key: c.key!, exchange: c.exchange! });
  }
}

/** A host's transport: records the headers the core handed it, then authenticates on its own. */
function hostTransport(marketplace: MarketplaceId, seen: string[][], sign: boolean): Transport {
  const axios = createAxiosTransport();
  const signer = hostSigner(marketplace);
  return async (request) => {
    seen.push(Object.keys(request.headers).map((h) => h.toLowerCase()));
    return axios(sign ? await signer(request, nodeRuntime) : request);
  };
}

function client(marketplace: MarketplaceId, seen: string[][], authentication?: 'host' | 'core') {
  return createClient({
    marketplace,
    credentials: credentialsOf(marketplace),
    baseUrl: `${sb.url}/${marketplace}`,
    transport: hostTransport(marketplace, seen, authentication === 'host'),
    runtime: nodeRuntime,
    retry: { maxAttempts: 1 },
    ...(authentication ? { authentication } : {}),
  } as Parameters<typeof createClient>[0]);
}

describe.each(MARKETPLACES)('createClient authentication (%s)', (marketplace) => {
  it("with 'host', hands the transport no credential header, and works when the host authenticates", async () => {
    const seen: string[][] = [];
    const page = await client(marketplace, seen, 'host').listChats({});
    expect(page.items.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    for (const headers of seen) expect(headers.filter((h) => CREDENTIAL_HEADERS.includes(h))).toEqual([]);
  });

  it('by default, adds its own credential headers', async () => {
    const seen: string[][] = [];
    await client(marketplace, seen).listChats({});
    expect(seen[0]!.filter((h) => CREDENTIAL_HEADERS.includes(h)).length).toBeGreaterThan(0);
  });

  it("with 'host', still validates the credentials before any request", () => {
    expect(() =>
      createClient({
        marketplace,
        credentials: {},
        baseUrl: `${sb.url}/${marketplace}`,
        transport: createAxiosTransport(),
        runtime: nodeRuntime,
        authentication: 'host',
      } as never),
    ).toThrow(ValidationError);
  });
});
