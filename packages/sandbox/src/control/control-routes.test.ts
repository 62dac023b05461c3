import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProbeModule } from '../../test/helpers/probe-module.js';
import { jsonRequest, rawRequest } from '../../test/helpers/raw-http.js';
import { storedenGet, storedenSend } from '../../test/helpers/storeden-http.js';
import { createStoredenModule } from '../marketplaces/storeden/index.js';
import { launchSandbox, type RunningSandbox } from '../server/launch-sandbox.js';
import type { ThreadMessage, ThreadSummary } from '../types.js';

const NOW = Date.parse('2025-06-01T08:00:00Z');
let sandbox: RunningSandbox;
const api = (path: string) => `${sandbox.url}/_sandbox${path}`;
const post = (path: string, json: unknown) => jsonRequest(api(path), { method: 'POST', json });
const errorMessage = (reply: { json: unknown }) =>
  (reply.json as { error: { message: string } }).error.message;

beforeAll(async () => {
  sandbox = await launchSandbox({
    modules: [createStoredenModule, createProbeModule],
    now: () => NOW,
    chats: 3,
  });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.control.reset());

describe('control API', () => {
  it('describes itself: marketplaces, base URLs, buyer page', async () => {
    const index = await jsonRequest(api(''));
    expect(index.json).toEqual({
      marketplaces: [
        { id: 'storeden', baseUrl: `${sandbox.url}/storeden`, buyerAttachments: false },
        { id: 'ozon', baseUrl: `${sandbox.url}/ozon`, buyerAttachments: true },
      ],
      buyerPage: `${sandbox.url}/_sandbox/ui`,
      events: `${sandbox.url}/_sandbox/events`,
    });
    expect((await jsonRequest(api('/storeden/credentials'))).json).toEqual({
      readWrite: { key: 'storeden-sandbox-key', exchange: 'storeden-sandbox-exchange' },
      readOnly: { key: 'storeden-sandbox-readonly-key', exchange: 'storeden-sandbox-readonly-exchange' },
    });
  });

  it('seeds deterministically and refuses bad seeds naming the field', async () => {
    await post('/seed', { seed: 9, chats: 4 });
    const first = (await jsonRequest(api('/storeden/threads'))).json as ThreadSummary[];
    await post('/seed', { seed: 10, chats: 4 });
    const other = (await jsonRequest(api('/storeden/threads'))).json;
    await post('/seed', { seed: 9, chats: 4 });
    const again = (await jsonRequest(api('/storeden/threads'))).json;
    expect(first).toHaveLength(4);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect((await jsonRequest(api('/seed'))).json).toEqual({ seed: 9, chats: 4 });
    const bad = await post('/seed', { chats: 'many' });
    expect([bad.status, errorMessage(bad)]).toEqual([400, 'chats must be an integer from 0 to 100000']);
  });

  it('reset brings back the start state: start seed, default settings, no faults, clock offset 0', async () => {
    const before = (await jsonRequest(api('/storeden/threads'))).json;
    await post('/seed', { seed: 77, chats: 1 });
    await post('/storeden/settings', { dailyRequestLimit: 1 });
    await post('/faults', { kind: 'reset' });
    await post('/clock', { offsetMs: 60_000 });
    expect((await post('/reset', {})).json).toEqual({ ok: true });
    expect((await jsonRequest(api('/storeden/threads'))).json).toEqual(before);
    expect((await jsonRequest(api('/storeden/settings'))).json).toEqual({
      dailyRequestLimit: 100_000,
      utcOffsetMinutes: 120,
    });
    expect((await jsonRequest(api('/faults'))).json).toEqual([]);
    expect((await jsonRequest(api('/clock'))).json).toEqual({ offsetMs: 0, now: '2025-06-01T08:00:00.000Z' });
  });

  it('changes module settings and passes the module’s refusal on as 400', async () => {
    const changed = await post('/storeden/settings', { dailyRequestLimit: 5 });
    expect(changed.json).toEqual({ dailyRequestLimit: 5, utcOffsetMinutes: 120 });
    const refused = await post('/storeden/settings', { premium: true });
    expect(refused.status).toBe(400);
    expect(errorMessage(refused)).toBe(
      'storeden: storeden has no setting "premium" (known: dailyRequestLimit, utcOffsetMinutes)',
    );
  });

  it('plays the buyer: writes into a chat, opens a chat, and shows the thread', async () => {
    const [chat] = (await jsonRequest(api('/storeden/threads'))).json as ThreadSummary[];
    const written = await post('/storeden/buyer/messages', { chatId: chat?.chatId, text: 'Is it in stock?' });
    const { messageId } = written.json as { messageId: string };
    const thread = (await jsonRequest(api(`/storeden/threads/${chat?.chatId}`))).json as ThreadMessage[];
    expect(thread.at(-1)).toEqual({
      id: messageId,
      from: 'buyer',
      text: 'Is it in stock?',
      at: '2025-06-01T08:00:00.000Z',
      attachments: [],
    });
    const opened = (await post('/storeden/buyer/chats', { text: 'Hello shop', name: 'Rita Blu' })).json as {
      chatId: string;
    };
    const threads = (await jsonRequest(api('/storeden/threads'))).json as ThreadSummary[];
    expect(threads.find((summary) => summary.chatId === opened.chatId)).toMatchObject({
      title: 'Rita Blu',
      status: 'awaiting reply',
    });
  });

  it('refuses bad buyer input naming the field, and unknown chats or marketplaces with 404', async () => {
    const missing = await post('/storeden/buyer/messages', { text: 'x' });
    expect([missing.status, errorMessage(missing)]).toEqual([400, 'chatId is required']);
    const empty = await post('/ozon/buyer/messages', { chatId: 'chat-1', text: '  ' });
    expect(errorMessage(empty)).toBe('text must not be empty (or send an attachment)');
    const badFile = await post('/ozon/buyer/messages', {
      chatId: 'chat-1',
      text: 'x',
      attachment: { name: 'a.png', mimeType: 'image/png', base64: 'not base64!' },
    });
    expect(errorMessage(badFile)).toBe('attachment.base64 is not valid base64');
    const unknownChat = await post('/storeden/buyer/messages', { chatId: '1', text: 'x' });
    expect([unknownChat.status, errorMessage(unknownChat)]).toEqual([404, 'storeden: no chat with id "1"']);
    const unknownMarket = await jsonRequest(api('/amazon/threads'));
    expect([unknownMarket.status, errorMessage(unknownMarket)]).toEqual([
      404,
      'unknown marketplace "amazon" (known: storeden, ozon)',
    ]);
    const invalidJson = await jsonRequest(api('/seed'), { method: 'POST', body: '{"seed":' });
    expect([invalidJson.status, errorMessage(invalidJson)]).toEqual([
      400,
      'the request body is not valid JSON',
    ]);
    const wrongMethod = await jsonRequest(api('/reset'));
    expect([wrongMethod.status, wrongMethod.headers.allow]).toEqual([405, 'POST']);
  });

  it('stores a buyer attachment and serves its bytes with their type', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    await post('/ozon/buyer/messages', {
      chatId: 'chat-1',
      text: 'photo of the damage',
      attachment: { name: 'damage photo.png', mimeType: 'image/png', base64: bytes.toString('base64') },
    });
    const thread = (await jsonRequest(api('/ozon/threads/chat-1'))).json as ThreadMessage[];
    const file = thread.at(-1)?.attachments[0];
    expect(file).toMatchObject({ name: 'damage photo.png', mimeType: 'image/png', size: 8 });
    const served = await rawRequest(file?.url ?? '');
    if (!served.ok) throw served.error;
    expect(served.reply.headers['content-type']).toBe('image/png');
    expect(served.reply.headers['content-disposition']).toBe("inline; filename*=UTF-8''damage%20photo.png");
    expect(served.reply.body.equals(bytes)).toBe(true);
    expect((await jsonRequest(api('/files/f999'))).status).toBe(404);
  });

  it('closes chats where the marketplace has closing, and says why not elsewhere', async () => {
    expect((await post('/ozon/chats/chat-1/close', {})).json).toEqual({ ok: true });
    const [chat] = sandbox.control.threads('storeden');
    const refused = await post(`/storeden/chats/${chat?.chatId}/close`, {});
    expect([refused.status, errorMessage(refused)]).toEqual([
      400,
      'storeden: Storeden conversations have no status: they cannot be closed',
    ]);
  });

  it('lists what the seller sent through the API', async () => {
    const [chat] = sandbox.control.threads('storeden');
    await storedenSend(sandbox.url, chat?.chatId ?? '', 'Yes, in stock');
    const sent = (await jsonRequest(api('/storeden/seller-messages'))).json;
    expect(sent).toEqual([
      expect.objectContaining({ chatId: chat?.chatId, from: 'seller', text: 'Yes, in stock' }),
    ]);
  });

  it('shifts the clock by offset or advance', async () => {
    expect((await post('/clock', { offsetMs: 3_600_000 })).json).toEqual({
      offsetMs: 3_600_000,
      now: '2025-06-01T09:00:00.000Z',
    });
    expect((await post('/clock', { advanceMs: 60_000 })).json).toMatchObject({ offsetMs: 3_660_000 });
    expect(errorMessage(await post('/clock', {}))).toBe('give offsetMs or advanceMs');
  });
});

describe('GET /_sandbox/events', () => {
  it('notifies of control changes and seller sends, not of reads', async () => {
    const frames: string[] = [];
    const stream = request(api('/events'), { agent: false });
    const connected = new Promise<void>((resolve, reject) => {
      stream.on('response', (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => frames.push(chunk));
        resolve();
      });
      stream.on('error', reject);
    });
    stream.end();
    await connected;
    try {
      const [chat] = sandbox.control.threads('storeden');
      await post('/storeden/buyer/messages', { chatId: chat?.chatId, text: 'ping' });
      await storedenGet(sandbox.url, '/messages/chat_list.json');
      await storedenSend(sandbox.url, chat?.chatId ?? '', 'pong');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const events = frames
        .join('')
        .split('\n\n')
        .filter((frame) => frame.includes('event: change'))
        .map((frame) => JSON.parse(frame.slice(frame.indexOf('data: ') + 6)));
      expect(events).toEqual([
        { marketplace: 'storeden', chatId: chat?.chatId, source: 'control', what: 'buyer-message' },
        { marketplace: 'storeden', source: 'api', what: 'POST /messages/chat.json' },
      ]);
    } finally {
      stream.destroy();
    }
  });
});
