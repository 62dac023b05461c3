import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PUSH_BODY_BYTES, mountPushRoute, pushRoutes } from './push-route.js';
import type { HttpApp } from './red.js';

// A real express 4 app, the same express Node-RED mounts as RED.httpNode.
const express = createRequire(import.meta.url)('express') as () => HttpApp &
  ((req: unknown, res: unknown) => void);

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(app: HttpApp & ((req: unknown, res: unknown) => void)): Promise<string> {
  server = createServer((req, res) => app(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('push routes', () => {
  it('hands the raw body over, answers what the handler says, and unmounts without a trace', async () => {
    const app = express();
    const bodies: string[] = [];
    const layers = () => (app._router?.stack ?? []).filter((layer) => layer.route).length;
    const before = layers();
    const unmount = mountPushRoute(app, pushRoutes('/sellerchat/y', 'yandex'), async (request) => {
      bodies.push(request.body);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
    });
    const origin = await serve(app);
    // Beyond 2^53: the raw text keeps the digits a JSON.parse would round.
    const body = '{"message_id":3000000000817032095}';
    for (const path of ['/sellerchat/y', '/sellerchat/y/notification']) {
      const res = await fetch(`${origin}${path}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    }
    expect(bodies).toEqual([body, body]);
    unmount();
    expect(layers()).toBe(before);
    expect((await fetch(`${origin}/sellerchat/y`, { method: 'POST', body })).status).toBe(404);
  });

  it('refuses a second endpoint on a path in use, and a body over the limit with 413', async () => {
    const app = express();
    const ok = async () => ({ status: 200, headers: {}, body: '' });
    mountPushRoute(app, ['/p'], ok);
    expect(() => mountPushRoute(app, ['/p'], ok)).toThrow(expect.objectContaining({ field: 'pushPath' }));
    const origin = await serve(app);
    const res = await fetch(`${origin}/p`, {
      method: 'POST',
      body: 'x'.repeat(MAX_PUSH_BODY_BYTES + 1),
    }).catch(() => undefined);
    // The server answers 413 and drops the upload; a client may see the answer or a reset.
    if (res) expect(res.status).toBe(413);
  });
});
