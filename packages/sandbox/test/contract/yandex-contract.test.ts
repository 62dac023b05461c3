import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Json,
  multipartBody,
  READ_ONLY_TOKEN,
  type YandexCall,
  type YandexHarness,
  yandexHarness,
} from '../../src/marketplaces/yandex/test-support.js';
import { accepts, check } from './ajv.js';
import { loadYandexContract, type YandexContract } from './yandex-spec.js';

const BASE = '/v2/businesses/{businessId}';
let contract: YandexContract;

beforeAll(() => {
  contract = loadYandexContract();
});

interface Operation {
  name: string;
  specPath: string;
  method: 'get' | 'post';
  /** A request that succeeds. */
  ok(h: YandexHarness, chatId: string, messageId: string): Promise<YandexCall>;
  /** A request the sandbox must refuse with 400. */
  bad(chatId: string): YandexCall;
  /** A request for something that does not exist (404). */
  missing: YandexCall;
  write: boolean;
}

const OPERATIONS: Operation[] = [
  {
    name: 'getChats',
    specPath: `${BASE}/chats`,
    method: 'post',
    ok: async () => ({ path: '/chats', query: { limit: 20 }, body: {} }),
    bad: () => ({ path: '/chats', query: { limit: 21 }, body: {} }),
    missing: { path: '/chats', body: {}, businessId: 999 },
    write: false,
  },
  {
    name: 'getChat',
    specPath: `${BASE}/chat`,
    method: 'get',
    ok: async (_h, chatId) => ({ method: 'GET', path: '/chat', query: { chatId } }),
    bad: () => ({ method: 'GET', path: '/chat' }),
    missing: { method: 'GET', path: '/chat', query: { chatId: 1 } },
    write: false,
  },
  {
    name: 'createChat',
    specPath: `${BASE}/chats/new`,
    method: 'post',
    ok: async (h) => ({
      path: '/chats/new',
      body: { context: { type: 'ORDER', id: h.module.openOrders()[0]!.orderId } },
    }),
    bad: () => ({ path: '/chats/new', body: { context: { type: 'DIRECT', id: 1 } } }),
    missing: { path: '/chats/new', body: { context: { type: 'RETURN', id: 1 } } },
    write: true,
  },
  {
    name: 'sendMessageToChat',
    specPath: `${BASE}/chats/message`,
    method: 'post',
    ok: async (_h, chatId) => ({ path: '/chats/message', query: { chatId }, body: { message: 'Hello' } }),
    bad: (chatId) => ({ path: '/chats/message', query: { chatId }, body: { message: '' } }),
    missing: { path: '/chats/message', query: { chatId: 1 }, body: { message: 'x' } },
    write: true,
  },
  {
    name: 'sendFileToChat',
    specPath: `${BASE}/chats/file/send`,
    method: 'post',
    ok: async (_h, chatId) => {
      const { body, contentType } = await multipartBody('file', 'a.png', Buffer.from([137, 80, 78, 71]));
      return { path: '/chats/file/send', query: { chatId }, rawBody: body, contentType };
    },
    bad: (chatId) => ({
      path: '/chats/file/send',
      query: { chatId },
      rawBody: Buffer.from('x'),
      contentType: 'multipart/form-data; boundary=zz',
    }),
    missing: { path: '/chats/file/send', query: { chatId: 1 }, body: {} },
    write: true,
  },
  {
    name: 'getChatHistory',
    specPath: `${BASE}/chats/history`,
    method: 'post',
    ok: async (_h, chatId) => ({ path: '/chats/history', query: { chatId, limit: 100 }, body: {} }),
    bad: (chatId) => ({ path: '/chats/history', query: { chatId } }),
    missing: { path: '/chats/history', query: { chatId: 1 }, body: {} },
    write: false,
  },
  {
    name: 'getChatMessage',
    specPath: `${BASE}/chats/message`,
    method: 'get',
    ok: async (_h, chatId, messageId) => ({
      method: 'GET',
      path: '/chats/message',
      query: { chatId, messageId },
    }),
    bad: (chatId) => ({ method: 'GET', path: '/chats/message', query: { chatId, messageId: 'x' } }),
    missing: { method: 'GET', path: '/chats/message', query: { chatId: 1, messageId: 1 } },
    write: false,
  },
];

function target(h: YandexHarness): { chatId: string; messageId: string } {
  const thread = h.module.listThreads().find((t) => t.status === 'WAITING_FOR_PARTNER')!;
  return { chatId: thread.chatId, messageId: h.module.thread(thread.chatId)![0]!.id };
}

describe('Yandex responses match the official OpenAPI schemas', () => {
  for (const op of OPERATIONS) {
    it(`${op.name}: 200 and every documented error status (400, 401, 403, 404, 420, 500)`, async () => {
      const h = yandexHarness(8);
      const { chatId, messageId } = target(h);
      const validate = (status: number, res: { status: number; json: Json }) => {
        expect(res.status, `${op.name} ${status}`).toBe(status);
        check(contract.response(op.specPath, op.method, status), res.json, `${op.name} ${status}`);
      };
      validate(200, await h.send(await op.ok(h, chatId, messageId)));
      validate(400, await h.send(op.bad(chatId)));
      validate(401, await h.send({ ...(await op.ok(h, chatId, messageId)), token: null }));
      const forbidden = op.write ? READ_ONLY_TOKEN : 'ACMA:unknown';
      validate(403, await h.send({ ...(await op.ok(h, chatId, messageId)), token: forbidden }));
      if (op.name !== 'getChats') validate(404, await h.send(op.missing));
      h.module.configure({ quotas: { [op.name]: 1 } });
      h.advance(60 * 60 * 1000);
      await h.send(await op.ok(h, chatId, messageId));
      validate(420, await h.send(await op.ok(h, chatId, messageId)));
      const internal = h.module.errorResponse!(500, 'Internal error');
      validate(500, { status: internal.status, json: internal.body });
    });
  }

  it('getChats: a businessId the token does not own is a 403 with the same body', async () => {
    const h = yandexHarness(2);
    const res = await h.send(OPERATIONS[0]!.missing);
    expect(res.status).toBe(403);
    check(contract.response(`${BASE}/chats`, 'post', 403), res.json, 'getChats 403');
  });

  it('every seeded chat, context type and message (with payloads) passes getChat and getChatHistory', async () => {
    const h = yandexHarness(16);
    h.module.buyerOpenChat({ text: 'direct' });
    h.module.buyerOpenChat({ text: 'return', kind: 'return' });
    for (const thread of h.module.listThreads()) {
      const chat = await h.send({ method: 'GET', path: '/chat', query: { chatId: thread.chatId } });
      check(contract.response(`${BASE}/chat`, 'get', 200), chat.json, `chat ${thread.chatId}`);
      const history = await h.send({ path: '/chats/history', query: { chatId: thread.chatId }, body: {} });
      check(
        contract.response(`${BASE}/chats/history`, 'post', 200),
        history.json,
        `history ${thread.chatId}`,
      );
      for (const message of history.json.result.messages as Json[]) {
        const one = await h.send({
          method: 'GET',
          path: '/chats/message',
          query: { chatId: thread.chatId, messageId: message.messageId },
        });
        check(
          contract.response(`${BASE}/chats/message`, 'get', 200),
          one.json,
          `message ${message.messageId}`,
        );
      }
    }
  });

  it('405 and 415, which the paths do not list, still use ApiErrorResponse', async () => {
    const h = yandexHarness(2);
    const notAllowed = await h.send({ method: 'DELETE', path: '/chats' });
    const unsupported = await h.send({ path: '/chats', body: {}, contentType: 'text/plain' });
    expect([notAllowed.status, unsupported.status]).toEqual([405, 415]);
    check(contract.component('ApiErrorResponse'), notAllowed.json, '405');
    check(contract.component('ApiErrorResponse'), unsupported.json, '415');
  });
});

describe('Yandex push bodies match the Notification API schema', () => {
  it('PING, CHAT_CREATED, CHAT_MESSAGE_SENT, CHAT_ARBITRAGE_STARTED and _FINISHED', () => {
    const h = yandexHarness(8);
    h.module.pingPush!();
    const { chatId } = h.module.buyerOpenChat({ text: 'Hi', kind: 'order' });
    h.module.buyerWrite(chatId, 'with file', {
      name: 'a.png',
      mimeType: 'image/png',
      data: Buffer.from([1]),
    });
    h.module.startArbitrage(chatId);
    h.module.closeChat(chatId);
    const types = h.pushes.map((push) => (push.body as { notificationType: string }).notificationType);
    expect(types).toEqual([
      'PING',
      'CHAT_CREATED',
      'CHAT_MESSAGE_SENT',
      'CHAT_MESSAGE_SENT',
      'CHAT_ARBITRAGE_STARTED',
      'CHAT_ARBITRAGE_FINISHED',
    ]);
    for (const push of h.pushes)
      check(contract.notification(), push.body, String(types[h.pushes.indexOf(push)]));
  });
});

describe('the loaded schemas reject what the vendor does not allow (each check can fail)', () => {
  it('rejects a chat whose chatId is a string, an unknown status, or a misspelt key', async () => {
    const h = yandexHarness(3);
    const good = (await h.send({ path: '/chats', body: {} })).json;
    const validate = contract.response(`${BASE}/chats`, 'post', 200);
    expect(accepts(validate, good)).toBe(true);
    const mutate = (change: (chat: Json) => void) => {
      const copy = structuredClone(good);
      change(copy.result.chats[0]);
      return copy;
    };
    expect(
      accepts(
        validate,
        mutate((chat) => (chat.chatId = String(chat.chatId))),
      ),
    ).toBe(false);
    expect(
      accepts(
        validate,
        mutate((chat) => (chat.status = 'CLOSED')),
      ),
    ).toBe(false);
    expect(
      accepts(
        validate,
        mutate((chat) => (chat.updatedat = chat.updatedAt)),
      ),
    ).toBe(false);
    expect(
      accepts(
        validate,
        mutate((chat) => delete chat.updatedAt),
      ),
    ).toBe(false);
  });

  it('rejects CHAT_MESSAGE_SENT with a numeric messageId and an unknown notificationType', () => {
    const body = {
      notificationType: 'CHAT_MESSAGE_SENT',
      chatId: 1,
      messageId: '5',
      businessId: 2,
      sentAt: '2026-03-02T09:00:00.000Z',
    };
    expect(accepts(contract.notification(), body)).toBe(true);
    expect(accepts(contract.notification(), { ...body, messageId: 5 })).toBe(false);
    expect(accepts(contract.notification(), { ...body, notificationType: 'CHAT_DELETED' })).toBe(false);
    expect(accepts(contract.notification(), { ...body, sentAt: 'yesterday' })).toBe(false);
    // Closing objects is ours: the published schema lets an extra key through, ours does not.
    expect(accepts(contract.notificationAsPublished(), { ...body, extra: 1 })).toBe(true);
    expect(accepts(contract.notification(), { ...body, extra: 1 })).toBe(false);
  });

  it('rejects an error body without errors[].code', () => {
    const validate = contract.response(`${BASE}/chats`, 'post', 400);
    expect(accepts(validate, { status: 'ERROR', errors: [{ code: 'BAD_REQUEST', message: 'x' }] })).toBe(
      true,
    );
    expect(accepts(validate, { status: 'ERROR', errors: [{ message: 'x' }] })).toBe(false);
    expect(accepts(validate, { status: 'FAILED', errors: [{ code: 'X' }] })).toBe(false);
  });
});
