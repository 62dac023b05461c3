import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeModule } from '../../test/helpers/probe-module.js';
import {
  PING_REPLY,
  type PushReceiver,
  replyJson,
  startPushReceiver,
} from '../../test/helpers/push-receiver.js';
import { jsonRequest } from '../../test/helpers/raw-http.js';
import { launchSandbox, type RunningSandbox } from '../server/launch-sandbox.js';

let sandbox: RunningSandbox;
let target: PushReceiver;
beforeAll(async () => {
  sandbox = await launchSandbox({ modules: [createProbeModule], pushRetryScale: 0.0001 });
  target = await startPushReceiver((push, _i, res) =>
    (push.body as { message_type?: string }).message_type === 'TYPE_PING'
      ? replyJson(res, 200, PING_REPLY)
      : replyJson(res, 200, { result: true }),
  );
});
afterAll(async () => {
  await sandbox.close();
  await target.close();
});

describe('push through the control API', () => {
  it('pings on setup, delivers what the module pushes and lists the deliveries', async () => {
    const setup = await jsonRequest(`${sandbox.url}/_sandbox/ozon/push`, {
      method: 'POST',
      json: { url: `${target.url}/push`, duplicate: false },
    });
    expect(setup.status).toBe(200);
    await jsonRequest(`${sandbox.url}/_sandbox/ozon/buyer/messages`, {
      method: 'POST',
      json: { chatId: 'chat-1', text: 'where is my parcel?' },
    });
    await sandbox.control.pushIdle();
    expect(target.received.map((push) => (push.body as { message_type: string }).message_type)).toEqual([
      'TYPE_PING',
      'TYPE_NEW_MESSAGE',
    ]);
    const deliveries = await jsonRequest(`${sandbox.url}/_sandbox/ozon/push/deliveries`);
    expect(deliveries.json).toEqual([
      expect.objectContaining({ ok: true, attempt: 1, notification: 1, url: `${target.url}/push` }),
      expect.objectContaining({ ok: true, attempt: 1, notification: 2 }),
    ]);
  });

  it('refuses a push URL that is not absolute http(s), naming the field', async () => {
    const reply = await jsonRequest(`${sandbox.url}/_sandbox/ozon/push`, {
      method: 'POST',
      json: { url: 'ftp://x' },
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      error: { code: 'bad_request', message: 'url must use http or https (got "ftp:")' },
    });
  });
});
