import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest } from '../../../test/helpers/raw-http.js';
import { storedenGet, storedenSend } from '../../../test/helpers/storeden-http.js';
import { launchSandbox, type RunningSandbox } from '../../server/launch-sandbox.js';
import { createStoredenModule } from './index.js';
import { STOREDEN_CREDENTIALS } from './storeden-auth.js';

interface ApiMessage {
  from_id: number;
  from_myself: boolean;
  message: string;
  send_date: string;
  message_id: string;
  read_by: { myself_id: string; with_id: string };
}
interface ChatPage {
  messages: ApiMessage[];
  next_page?: string;
}
interface ChatListEntry {
  name: string;
  with_id: number;
  last_message_at: string;
  last_message_content: string;
}

/** `2018-10-11T10:26:18+0200` → epoch ms (JS wants a colon in the offset). */
function parseStoredenDate(value: string): number {
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

const NOW = Date.parse('2025-03-10T12:00:00Z');
let sandbox: RunningSandbox;
let clock = NOW;
beforeEach(async () => {
  clock = NOW;
  sandbox = await launchSandbox({ modules: [createStoredenModule], chats: 4, now: () => clock });
});
afterEach(() => sandbox.close());

function firstWithId(): string {
  return sandbox.control.threads('storeden')[0]?.chatId ?? '';
}

describe('Storeden auth', () => {
  it('refuses a missing or wrong key/exchange pair with 401, without echoing it', async () => {
    const none = await jsonRequest(`${sandbox.url}/storeden/messages/chat_list.json`);
    expect(none.status).toBe(401);
    expect(none.json).toEqual({
      error: { code: 401, message: 'Missing authentication: send the "key" and "exchange" headers' },
    });
    const wrong = await storedenGet(sandbox.url, '/messages/chat_list.json', {
      key: STOREDEN_CREDENTIALS.readWrite.key,
      exchange: 'guessed-exchange',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('guessed-exchange');
  });

  it('lets a READ pair read but refuses its POST with 403 and stores nothing', async () => {
    const withId = firstWithId();
    const read = await storedenGet(sandbox.url, '/messages/chat_list.json', STOREDEN_CREDENTIALS.readOnly);
    expect(read.status).toBe(200);
    const before = sandbox.control.thread('storeden', withId).length;
    const post = await storedenSend(sandbox.url, withId, 'hi', STOREDEN_CREDENTIALS.readOnly);
    expect(post.status).toBe(403);
    expect(post.json).toEqual({
      error: { code: 403, message: 'This key pair is READ only: it may only use GET' },
    });
    expect(sandbox.control.thread('storeden', withId)).toHaveLength(before);
  });
});

describe('GET /messages/chat_list.json', () => {
  it('lists every conversation unpaginated, by with_id, with its last message', async () => {
    await sandbox.control.seed({ chats: 120 });
    const reply = await storedenGet(sandbox.url, '/messages/chat_list.json?page=2');
    const list = reply.json as ChatListEntry[];
    expect(reply.status).toBe(200);
    expect(list).toHaveLength(120);
    const ids = list.map((entry) => entry.with_id);
    expect(ids.every(Number.isInteger)).toBe(true);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const first = list[0] as ChatListEntry;
    const thread = sandbox.control.thread('storeden', String(first.with_id));
    const last = thread[thread.length - 1];
    expect(first.last_message_content).toBe(last?.text);
    expect(parseStoredenDate(first.last_message_at)).toBe(Date.parse(last?.at ?? ''));
  });

  it('shows a conversation a buyer opens, and the merchant cannot start one', async () => {
    const opened = sandbox.control.buyerOpenChat('storeden', {
      text: 'Ciao, avete il rosso?',
      name: 'Anna Neri',
    });
    const list = (await storedenGet(sandbox.url, '/messages/chat_list.json')).json as ChatListEntry[];
    expect(list.find((entry) => String(entry.with_id) === opened.chatId)).toMatchObject({
      name: 'Anna Neri',
      last_message_content: 'Ciao, avete il rosso?',
    });
    const stranger = await storedenSend(sandbox.url, 999_999, 'hello?');
    expect(stranger.status).toBe(404);
    expect(() => sandbox.control.buyerOpenChat('storeden', { text: 'x', kind: 'order' })).toThrow(
      'Storeden has one kind of chat',
    );
  });
});

describe('GET /messages/chat.json', () => {
  it('pages 30 at a time, newest first, with an absolute next_page absent on the last page', async () => {
    const withId = firstWithId();
    for (let index = 0; index < 65; index += 1) {
      clock += 1_000;
      sandbox.control.buyerWrite('storeden', { chatId: withId, text: `m${index}` });
    }
    const total = sandbox.control.thread('storeden', withId).length;
    const collected: ApiMessage[] = [];
    let url: string | undefined = `${sandbox.url}/storeden/messages/chat.json?with_id=${withId}`;
    let pages = 0;
    while (url) {
      const reply = await jsonRequest(url, { headers: { ...STOREDEN_CREDENTIALS.readWrite } });
      const page = reply.json as ChatPage;
      pages += 1;
      expect(page.messages.length).toBe(Math.min(30, total - collected.length));
      collected.push(...page.messages);
      if (page.next_page) {
        expect(page.next_page).toBe(
          `${sandbox.url}/storeden/messages/chat.json?with_id=${withId}&page=${pages + 1}`,
        );
      } else {
        expect(Object.keys(page)).toEqual(['messages']);
      }
      url = page.next_page;
    }
    expect(pages).toBe(Math.ceil(total / 30));
    expect(collected[0]?.message).toBe('m64');
    const times = collected.map((message) => parseStoredenDate(message.send_date));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(collected.map((message) => message.message_id)).size).toBe(total);

    const beyond = await storedenGet(sandbox.url, `/messages/chat.json?with_id=${withId}&page=${pages + 1}`);
    expect(beyond.json).toEqual({ messages: [] });
  });

  it('refuses a missing or malformed with_id or page with 400 and an unknown one with 404', async () => {
    expect((await storedenGet(sandbox.url, '/messages/chat.json')).json).toEqual({
      error: { code: 400, message: 'with_id is required (an integer)' },
    });
    expect((await storedenGet(sandbox.url, '/messages/chat.json?with_id=abc')).status).toBe(400);
    expect(
      (await storedenGet(sandbox.url, `/messages/chat.json?with_id=${firstWithId()}&page=0`)).status,
    ).toBe(400);
    expect((await storedenGet(sandbox.url, '/messages/chat.json?with_id=7')).status).toBe(404);
  });

  it('shows a buyer message unread ("") on the first read and read on the next', async () => {
    const withId = firstWithId();
    clock += 60_000;
    sandbox.control.buyerWrite('storeden', { chatId: withId, text: 'new question' });
    const first = (await storedenGet(sandbox.url, `/messages/chat.json?with_id=${withId}`)).json as ChatPage;
    expect(first.messages[0]).toMatchObject({
      message: 'new question',
      from_myself: false,
      from_id: Number(withId),
    });
    expect(first.messages[0]?.read_by.myself_id).toBe('');
    expect(parseStoredenDate(first.messages[0]?.read_by.with_id ?? '')).toBe(clock);
    clock += 5_000;
    const second = (await storedenGet(sandbox.url, `/messages/chat.json?with_id=${withId}`)).json as ChatPage;
    expect(parseStoredenDate(second.messages[0]?.read_by.myself_id ?? '')).toBe(clock - 5_000);
  });

  it('writes dates with the configured fixed offset and no colon', async () => {
    const withId = firstWithId();
    sandbox.control.configure('storeden', { utcOffsetMinutes: -300 });
    const page = (await storedenGet(sandbox.url, `/messages/chat.json?with_id=${withId}`)).json as ChatPage;
    expect(page.messages[0]?.send_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0500$/);
    expect(() => sandbox.control.configure('storeden', { utcOffsetMinutes: 9999 })).toThrow(
      'utcOffsetMinutes must be an integer from -720 to 840',
    );
  });
});

describe('POST /messages/chat.json', () => {
  it('stores a form-encoded message and answers {message_id}', async () => {
    const withId = firstWithId();
    clock += 120_000;
    const reply = await storedenSend(sandbox.url, withId, 'Grazie, spedito oggi!');
    expect(reply.status).toBe(200);
    const { message_id } = reply.json as { message_id: string };
    expect(message_id).toMatch(/^[0-9a-f]{24}$/);
    expect(Number.parseInt(message_id.slice(0, 8), 16)).toBe(Math.floor(clock / 1000));

    const page = (await storedenGet(sandbox.url, `/messages/chat.json?with_id=${withId}`)).json as ChatPage;
    expect(page.messages[0]).toMatchObject({
      message_id,
      from_myself: true,
      from_id: 132,
      message: 'Grazie, spedito oggi!',
      read_by: { with_id: '' },
    });
    // Answering means the merchant has read the buyer's messages.
    expect(page.messages.filter((m) => !m.from_myself).every((m) => m.read_by.myself_id !== '')).toBe(true);
    expect(sandbox.control.sellerMessages('storeden')).toEqual([
      expect.objectContaining({
        id: message_id,
        chatId: withId,
        text: 'Grazie, spedito oggi!',
        from: 'seller',
      }),
    ]);
  });

  it('refuses a JSON body, a missing message and other methods', async () => {
    const withId = firstWithId();
    const json = await jsonRequest(`${sandbox.url}/storeden/messages/chat.json`, {
      method: 'POST',
      headers: { ...STOREDEN_CREDENTIALS.readWrite },
      json: { with_id: Number(withId), message: 'hi' },
    });
    expect(json.status).toBe(400);
    expect(JSON.stringify(json.json)).toContain('application/x-www-form-urlencoded');
    const empty = await storedenSend(sandbox.url, withId, '   ');
    expect(empty.json).toEqual({ error: { code: 400, message: 'message is required (a non-empty string)' } });
    const put = await jsonRequest(`${sandbox.url}/storeden/messages/chat.json`, {
      method: 'PUT',
      headers: { ...STOREDEN_CREDENTIALS.readWrite },
    });
    expect(put.status).toBe(405);
    expect((await storedenGet(sandbox.url, '/messages/inbox.json')).status).toBe(404);
    expect(sandbox.control.sellerMessages('storeden')).toEqual([]);
  });
});

describe('the daily budget', () => {
  it('answers 509 "Limit Exceeded" once it is used up, performs nothing, and renews after 24 h', async () => {
    const withId = firstWithId();
    sandbox.control.configure('storeden', { dailyRequestLimit: 3 });
    for (let index = 0; index < 3; index += 1) {
      expect((await storedenGet(sandbox.url, '/messages/chat_list.json')).status).toBe(200);
    }
    const over = await storedenSend(sandbox.url, withId, 'must not be stored');
    expect(over.status).toBe(509);
    expect(over.statusText).toBe('Limit Exceeded');
    expect(over.json).toEqual({ error: { code: 509, message: 'Limit Exceeded' } });
    expect(sandbox.control.sellerMessages('storeden')).toEqual([]);
    sandbox.control.setClock({ advanceMs: 24 * 3_600_000 });
    expect((await storedenSend(sandbox.url, withId, 'next day')).status).toBe(200);
  });
});

describe('buyer side (control)', () => {
  it('refuses attachments and closing, which Storeden does not have', () => {
    const withId = firstWithId();
    expect(() =>
      sandbox.control.buyerWrite('storeden', {
        chatId: withId,
        text: 'x',
        attachment: { name: 'a.txt', mimeType: 'text/plain', base64: 'eA==' },
      }),
    ).toThrow('attachment: storeden chats carry no files');
    expect(() => sandbox.control.closeChat('storeden', withId)).toThrow('cannot be closed');
  });

  it('marks the merchant’s messages read by the buyer when the buyer writes', async () => {
    const withId = firstWithId();
    clock += 1_000;
    await storedenSend(sandbox.url, withId, 'reply');
    clock += 9_000;
    sandbox.control.buyerWrite('storeden', { chatId: withId, text: 'thanks' });
    const page = (await storedenGet(sandbox.url, `/messages/chat.json?with_id=${withId}`)).json as ChatPage;
    expect(page.messages[1]).toMatchObject({ message: 'reply' });
    expect(parseStoredenDate(page.messages[1]?.read_by.with_id ?? '')).toBe(clock);
  });

  it('seeds the same conversations for the same seed and different ones for another', async () => {
    const snapshot = async () => {
      const list = (await storedenGet(sandbox.url, '/messages/chat_list.json')).json as ChatListEntry[];
      const first = list[0]?.with_id;
      return { list, page: (await storedenGet(sandbox.url, `/messages/chat.json?with_id=${first}`)).json };
    };
    sandbox.control.seed({ seed: 42, chats: 10 });
    const a = await snapshot();
    sandbox.control.seed({ seed: 7, chats: 10 });
    const b = await snapshot();
    sandbox.control.seed({ seed: 42, chats: 10 });
    const c = await snapshot();
    expect(c).toEqual(a);
    expect(b).not.toEqual(a);
    expect(a.list).toHaveLength(10);
    // Every seeded date lies in the past 30 days.
    for (const entry of a.list) {
      const at = parseStoredenDate(entry.last_message_at);
      expect(at).toBeLessThan(NOW);
      expect(at).toBeGreaterThan(NOW - 31 * 86_400_000);
    }
  });
});
