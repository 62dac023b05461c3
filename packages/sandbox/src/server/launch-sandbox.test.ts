import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createProbeModule } from '../../test/helpers/probe-module.js';
import { jsonRequest, rawRequest } from '../../test/helpers/raw-http.js';
import { createStoredenModule } from '../marketplaces/storeden/index.js';
import { launchSandbox, type RunningSandbox } from './launch-sandbox.js';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('launchSandbox', () => {
  it('listens on 127.0.0.1 and after close() nothing is listening or open', async () => {
    sandbox = await launchSandbox({ modules: [createStoredenModule] });
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.baseUrls).toEqual({ storeden: `${sandbox.url}/storeden` });
    // A keep-alive connection and an SSE stream stay open until close() drops them.
    const events = rawRequest(`${sandbox.url}/_sandbox/events`, { timeoutMs: 5_000 });
    const health = await jsonRequest(`${sandbox.url}/_sandbox/health`, {
      headers: { connection: 'keep-alive' },
    });
    expect(health.json).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { port, server } = sandbox;
    const closedAt = Date.now();
    await sandbox.close();
    sandbox = undefined;
    expect(server.listening).toBe(false);
    expect(await refused(port)).toBe('ECONNREFUSED');
    // The stream ends with close(), not with the client's 5 s timeout.
    const stream = await events;
    expect(Date.now() - closedAt).toBeLessThan(2_000);
    expect(stream.ok ? stream.reply.text : stream.error.message).not.toContain('test client timeout');
  });

  it('refuses bad options naming the option and its range', async () => {
    await expect(launchSandbox({ modules: [createStoredenModule], chats: -1 })).rejects.toThrow(
      'sandbox option chats must be an integer from 0 to 100000',
    );
    await expect(launchSandbox({ modules: [createStoredenModule], port: 70_000 })).rejects.toThrow('port');
  });

  it('hands the module the path below its base, the raw path and query, the full URL and lower-case headers', async () => {
    sandbox = await launchSandbox({ modules: [createProbeModule] });
    const reply = await jsonRequest(`${sandbox.url}/ozon/v3/chat/list?cursor=a%2Fb&x=1`, {
      method: 'POST',
      headers: { 'X-Custom-Header': 'Value', 'content-type': 'application/json' },
      body: '{"limit":5}',
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      method: 'POST',
      path: '/v3/chat/list',
      rawPathAndQuery: '/v3/chat/list?cursor=a%2Fb&x=1',
      fullUrl: `${sandbox.url}/ozon/v3/chat/list?cursor=a%2Fb&x=1`,
      query: { cursor: 'a/b', x: '1' },
      headers: { 'x-custom-header': 'Value' },
      bodyLength: 11,
    });
  });

  it('answers an unknown top-level path with 404 JSON naming the base paths', async () => {
    sandbox = await launchSandbox({ modules: [createStoredenModule] });
    const reply = await jsonRequest(`${sandbox.url}/amazon/chats`);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.stringify(reply.json)).toContain('/storeden');
  });

  it('turns a module that throws into a 500 in the marketplace error shape and stays up', async () => {
    sandbox = await launchSandbox({ modules: [createProbeModule] });
    const reply = await jsonRequest(`${sandbox.url}/ozon/boom`, { method: 'POST' });
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({ code: 13, message: 'Internal error: probe exploded', details: [] });
    expect((await jsonRequest(`${sandbox.url}/_sandbox/health`)).status).toBe(200);
  });

  it('answers a body over the cap with 413 in the marketplace error shape, never a crash', async () => {
    sandbox = await launchSandbox({ modules: [createStoredenModule], maxBodyBytes: 1024 });
    const reply = await jsonRequest(`${sandbox.url}/storeden/messages/chat.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `message=${'x'.repeat(50_000)}&with_id=1`,
    });
    expect(reply.status).toBe(413);
    expect(reply.json).toEqual({
      error: { code: 413, message: 'Request body of 50018 bytes is over the sandbox limit of 1024 bytes' },
    });
    expect((await jsonRequest(`${sandbox.url}/_sandbox/health`)).status).toBe(200);
  });

  it('cancels a pending latency fault on close instead of keeping a timer alive', async () => {
    sandbox = await launchSandbox({ modules: [createStoredenModule] });
    sandbox.control.addFault({ marketplace: 'storeden', kind: 'latency', ms: 60_000 });
    const pending = rawRequest(`${sandbox.url}/storeden/messages/chat_list.json`, { timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await sandbox.close();
    sandbox = undefined;
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
