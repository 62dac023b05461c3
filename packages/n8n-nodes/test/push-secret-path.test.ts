import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SellerChatPushTrigger } from '../nodes/SellerChatPushTrigger/SellerChatPushTrigger.node.js';
import {
  pathCarriesSecret,
  readSecretPath,
  redactSecret,
} from '../nodes/SellerChatPushTrigger/secret-path.js';
import { PushTriggerServer } from './harness/webhook-server.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

const SECRET = 'Sx9-kQ2_vLm7Tz4Wp8Rb3Nd6';

/**
 * A real HTTP forwarder between the node and the sandbox marketplace that counts what passes
 * through: it shows whether a refused notification made the node call the marketplace at all.
 */
class CountingForwarder {
  calls = 0;
  url = '';
  private server: Server | undefined;

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.calls += 1;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(
            (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
          ),
        );
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        void fetch(`${this.target}${req.url ?? ''}`, { method: req.method, headers, body })
          .then(async (answer) => {
            res.statusCode = answer.status;
            const type = answer.headers.get('content-type');
            if (type) res.setHeader('content-type', type);
            res.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => {
            res.statusCode = 502;
            res.end();
          });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())));
  }
}

let sandbox: Sandbox;
const closers: Array<() => Promise<void>> = [];
beforeAll(async () => {
  sandbox = await startTestSandbox(5);
});
afterEach(async () => {
  for (const m of ['yandex', 'ozon']) sandbox.control.clearPush(m);
  await sandbox.control.pushIdle();
  while (closers.length > 0) await closers.pop()!();
});
afterAll(async () => {
  await sandbox.close();
});

async function serve(
  marketplace: 'yandex' | 'ozon',
  parameters: IDataObject,
): Promise<{ server: PushTriggerServer; forwarder: CountingForwarder }> {
  const forwarder = new CountingForwarder(`${sandbox.url}/${marketplace}`);
  await forwarder.start();
  closers.push(() => forwarder.close());
  const server = new PushTriggerServer(
    { marketplace, event: 'messages', ...parameters },
    sandboxCredentials(sandbox, marketplace, { baseUrl: forwarder.url }),
  );
  await server.start();
  closers.push(() => server.close());
  return { server, forwarder };
}

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, text: await response.text() };
}

const ping = (marketplace: 'yandex' | 'ozon') =>
  marketplace === 'yandex'
    ? '{"notificationType":"PING","time":"2026-01-01T00:00:00Z"}'
    : '{"message_type":"TYPE_PING","time":"2026-01-01T00:00:00Z"}';

const buyerChat = (marketplace: 'yandex' | 'ozon') =>
  sandbox.control
    .threads(marketplace)
    .filter((t) => marketplace !== 'ozon' || t.context?.chatType === 'Buyer_Seller')[0]!.chatId;

describe.each(['yandex', 'ozon'] as const)(
  'SellerChat Push Trigger with a secret path segment: %s',
  (marketplace) => {
    it('shows and registers URLs carrying the secret, answers the PING and emits events', async () => {
      const { server, forwarder } = await serve(marketplace, { secretPath: SECRET });
      expect(await server.lifecycle('create')).toBe(true);
      const url = server.webhookUrl();
      expect(url).toBe(`${server.url}/webhook/c0ffee00-0000-4000-8000-000000000001/${SECRET}/webhook`);
      expect(server.registeredPaths().map((p) => p.path)).toEqual([
        `/webhook/c0ffee00-0000-4000-8000-000000000001/${SECRET}/webhook`,
        `/webhook/c0ffee00-0000-4000-8000-000000000001/${SECRET}/webhook/notification`,
      ]);
      sandbox.control.setPush(marketplace, { url });
      await sandbox.control.pushIdle();
      const pings = sandbox.control.pushDeliveries(marketplace);
      expect(pings.length).toBeGreaterThan(0);
      for (const d of pings) expect(d, JSON.stringify(d)).toMatchObject({ ok: true, status: 200 });

      const before = forwarder.calls;
      sandbox.control.buyerWrite(marketplace, {
        chatId: buyerChat(marketplace),
        text: `secret hello ${marketplace}`,
      });
      await sandbox.control.pushIdle();
      const emitted = server.deliveries.flatMap((d) => d.emitted ?? []);
      expect(emitted.map((i) => (i.json.message as IDataObject).text)).toEqual([
        `secret hello ${marketplace}`,
      ]);
      // The counter sees the message fetch, so "no call" below is a real observation.
      expect(forwarder.calls).toBeGreaterThan(before);
      expect(JSON.stringify(emitted)).not.toContain(SECRET);
      const answer = await post(url, ping(marketplace));
      expect(answer.status).toBe(200);
      expect(answer.text).not.toContain(SECRET);
    });

    it('answers 404 to a wrong or missing segment: the node never runs and calls no marketplace', async () => {
      const { server, forwarder } = await serve(marketplace, { secretPath: SECRET });
      await server.lifecycle('create');
      const base = `${server.url}/webhook/c0ffee00-0000-4000-8000-000000000001`;
      const before = forwarder.calls;
      const wrong = [
        `${base}/webhook`,
        `${base}/webhook/notification`,
        `${base}/${SECRET.slice(0, -1)}X/webhook`,
        `${base}/${SECRET}x/webhook`,
        `${base}/${SECRET.slice(1)}/webhook`,
        `${base}/${SECRET.toLowerCase()}/webhook`,
      ];
      for (const url of wrong) {
        const reply = await post(url, ping(marketplace));
        expect(reply.status, url).toBe(404);
        expect(reply.text).not.toContain(SECRET);
      }
      expect(server.refused).toHaveLength(wrong.length);
      expect(server.deliveries).toEqual([]);
      expect(forwarder.calls).toBe(before);
      // The right segment on the same server is answered, so the 404s were about the path alone.
      expect((await post(server.webhookUrl(), ping(marketplace))).status).toBe(200);
    });

    it('keeps the secret out of the saved state and still notices a changed secret', async () => {
      const { server } = await serve(marketplace, { secretPath: SECRET });
      expect(await server.lifecycle('create')).toBe(true);
      expect(await server.lifecycle('checkExists')).toBe(true);
      expect(server.saved).not.toContain(SECRET);
      expect(server.saved).toContain('/***/webhook');
      server.setParameters({ marketplace, event: 'messages', secretPath: `${SECRET}-rotated` });
      expect(await server.lifecycle('checkExists')).toBe(false);
    });
  },
);

describe('SellerChat Push Trigger: the secret path segment', () => {
  it('Yandex: also answers on /notification after the secret', async () => {
    const { server } = await serve('yandex', { secretPath: SECRET });
    await server.lifecycle('create');
    sandbox.control.setPush('yandex', { url: server.webhookUrl(), appendNotificationPath: true });
    await sandbox.control.pushIdle();
    expect(sandbox.control.pushDeliveries('yandex').at(-1)).toMatchObject({
      ok: true,
      url: `${server.webhookUrl()}/notification`,
    });
    expect(server.webhookUrl('setup')).toBe(`${server.webhookUrl()}/notification`);
  });

  it.each([
    ['too short', 'a'.repeat(15), /16 to 128 characters/],
    ['too long', 'a'.repeat(129), /16 to 128 characters/],
    ['with a slash', 'abcdefgh/ijklmnopq', /letters, digits, - and _/],
    ['with a space', 'abcdefgh ijklmnopq', /letters, digits, - and _/],
  ])(
    'refuses activation with a segment %s, naming the field and the limit without echoing it',
    async (_c, bad, why) => {
      const { server, forwarder } = await serve('ozon', { secretPath: bad });
      const failure = await server.lifecycle('create').then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure?.constructor.name).toBe('NodeOperationError');
      expect(failure?.message).toMatch(/^Secret Path Segment /);
      expect(failure?.message).toMatch(why);
      expect(failure?.message).toMatch(/Ozon push notifications/);
      expect(failure?.message).not.toContain(bad);
      expect(forwarder.calls).toBe(0);
      expect(server.saved).not.toContain(bad);
    },
  );

  it('with a malformed segment a notification is refused in the protocol, no secret in the answer', async () => {
    const bad = 'tooShortSecret';
    const { server, forwarder } = await serve('yandex', { secretPath: bad });
    const reply = await post(server.webhookUrl(), ping('yandex'));
    expect(server.webhookUrl()).toContain(`/${bad}/webhook`);
    expect(reply.status).toBe(500);
    expect(reply.text).toMatch(/Secret Path Segment must be 16 to 128 characters long/);
    expect(reply.text).not.toContain(bad);
    expect(forwarder.calls).toBe(0);
  });

  it('without a secret keeps the plain URLs', async () => {
    const { server } = await serve('ozon', {});
    expect(server.registeredPaths().map((p) => p.path)).toEqual([
      '/webhook/c0ffee00-0000-4000-8000-000000000001/webhook',
      '/webhook/c0ffee00-0000-4000-8000-000000000001/webhook/notification',
    ]);
  });

  it('is a masked, optional string parameter in the editor', () => {
    const property = new SellerChatPushTrigger().description.properties.find((p) => p.name === 'secretPath');
    expect(property).toMatchObject({
      displayName: 'Secret Path Segment',
      type: 'string',
      typeOptions: { password: true },
      default: '',
    });
    expect(property?.required).not.toBe(true);
    expect(property?.description).toMatch(/sign nothing/);
  });
});

describe('secret path helpers', () => {
  it('accepts 16 to 128 URL-safe characters and nothing set', () => {
    expect(readSecretPath('')).toBe('');
    expect(readSecretPath(undefined)).toBe('');
    expect(readSecretPath('a'.repeat(16))).toBe('a'.repeat(16));
    expect(readSecretPath(`${'A1-_'.repeat(32)}`)).toHaveLength(128);
    expect(() => readSecretPath('a'.repeat(15))).toThrow(/16 to 128 characters long \(it has 15\)/);
    expect(() => readSecretPath('a'.repeat(129))).toThrow(/it has 129/);
    expect(() => readSecretPath(`${'a'.repeat(16)}%2F`)).toThrow(/URL-safe/);
    expect(() => readSecretPath(`${'a'.repeat(16)}.`)).toThrow(/URL-safe/);
    expect(() => readSecretPath(42)).toThrow(/Secret Path Segment must be text/);
  });

  it('finds the secret right before the webhook suffix, and only there', () => {
    const id = 'c0ffee00-0000-4000-8000-000000000001';
    expect(pathCarriesSecret(`/webhook/${id}/${SECRET}/webhook`, SECRET, 'webhook')).toBe(true);
    expect(pathCarriesSecret(`/webhook-test/${id}/${SECRET}/webhook?x=1`, SECRET, 'webhook')).toBe(true);
    expect(
      pathCarriesSecret(`/webhook/${id}/${SECRET}/webhook/notification`, SECRET, 'webhook/notification'),
    ).toBe(true);
    expect(pathCarriesSecret(`/webhook/${id}/webhook`, SECRET, 'webhook')).toBe(false);
    expect(pathCarriesSecret(`/webhook/${id}/${SECRET}x/webhook`, SECRET, 'webhook')).toBe(false);
    expect(pathCarriesSecret(`/webhook/${SECRET}/${id}/webhook`, SECRET, 'webhook')).toBe(false);
    expect(pathCarriesSecret(`/webhook/${id}/${SECRET}/other`, SECRET, 'webhook')).toBe(false);
    expect(pathCarriesSecret('/%E0%A4%A/webhook', SECRET, 'webhook')).toBe(false);
  });

  it('masks every occurrence of the secret and leaves text alone when none is set', () => {
    expect(redactSecret(`a/${SECRET}/b/${SECRET}`, SECRET)).toBe('a/***/b/***');
    expect(redactSecret('a/b', '')).toBe('a/b');
  });
});
