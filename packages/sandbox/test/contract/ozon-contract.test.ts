import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Json,
  type OzonCall,
  type OzonHarness,
  ozonHarness,
  READ_ONLY,
} from '../../src/marketplaces/ozon/test-support.js';
import { accepts, check } from './ajv.js';
import { loadOzonPushSpec, type OzonPushSpec } from './ozon-push-spec.js';
import { loadOzonContract, type OzonContract, RELAXED_IDS } from './ozon-spec.js';

let contract: OzonContract;
let push: OzonPushSpec;

beforeAll(() => {
  contract = loadOzonContract();
  push = loadOzonPushSpec();
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=';
const NO_CHAT = '00000000-0000-4000-8000-000000000000';

interface Operation {
  path: string;
  ok(h: OzonHarness, chatId: string): OzonCall;
  bad: OzonCall;
  /** A refusal the sandbox answers with 403, when the method has one. */
  forbidden?(h: OzonHarness, chatId: string): OzonCall;
  notFound?: OzonCall;
}

const OPERATIONS: Operation[] = [
  {
    path: '/v3/chat/list',
    ok: () => ({ path: '/v3/chat/list', body: { limit: 100 } }),
    bad: { path: '/v3/chat/list', body: { limit: 0 } },
  },
  {
    path: '/v3/chat/history',
    ok: (_h, chatId) => ({ path: '/v3/chat/history', body: { chat_id: chatId, limit: 1000 } }),
    bad: { path: '/v3/chat/history', body: { chat_id: NO_CHAT, direction: 'Forward' } },
    forbidden: (h, chatId) => {
      h.module.configure({ premium: false });
      return { path: '/v3/chat/history', body: { chat_id: chatId } };
    },
    notFound: { path: '/v3/chat/history', body: { chat_id: NO_CHAT } },
  },
  {
    path: '/v1/chat/send/message',
    ok: (_h, chatId) => ({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'Hello' } }),
    bad: { path: '/v1/chat/send/message', body: { chat_id: NO_CHAT, text: '' } },
    forbidden: (_h, chatId) => ({
      path: '/v1/chat/send/message',
      body: { chat_id: chatId, text: 'x' },
      clientId: READ_ONLY.clientId!,
      apiKey: READ_ONLY.apiKey!,
    }),
    notFound: { path: '/v1/chat/send/message', body: { chat_id: NO_CHAT, text: 'x' } },
  },
  {
    path: '/v1/chat/send/file',
    ok: (_h, chatId) => ({
      path: '/v1/chat/send/file',
      body: { chat_id: chatId, name: 'a.png', base64_content: PNG },
    }),
    bad: { path: '/v1/chat/send/file', body: { chat_id: NO_CHAT, name: 'a.exe', base64_content: PNG } },
    forbidden: (h, chatId) => {
      h.advance(100 * 3600_000);
      return { path: '/v1/chat/send/file', body: { chat_id: chatId, name: 'a.png', base64_content: PNG } };
    },
    notFound: { path: '/v1/chat/send/file', body: { chat_id: NO_CHAT, name: 'a.png', base64_content: PNG } },
  },
  {
    path: '/v2/chat/read',
    ok: (_h, chatId) => ({ path: '/v2/chat/read', body: { chat_id: chatId } }),
    bad: { path: '/v2/chat/read', body: { chat_id: NO_CHAT, from_message_id: 'last' } },
    forbidden: (h, chatId) => {
      h.module.configure({ premium: false });
      return { path: '/v2/chat/read', body: { chat_id: chatId } };
    },
    notFound: { path: '/v2/chat/read', body: { chat_id: NO_CHAT } },
  },
  {
    path: '/v1/chat/start',
    ok: (h) => ({
      path: '/v1/chat/start',
      body: { posting_number: h.module.openPostings().find((p) => p.scheme === 'rFBS')!.postingNumber },
    }),
    bad: { path: '/v1/chat/start', body: { posting_number: 42 } },
    forbidden: (h) => ({
      path: '/v1/chat/start',
      body: { posting_number: h.module.openPostings().find((p) => p.scheme === 'FBO')!.postingNumber },
    }),
    notFound: { path: '/v1/chat/start', body: { posting_number: '1-2-3' } },
  },
];

describe('Ozon responses match the official OpenAPI schemas (ids relaxed to strings, §2.4b)', () => {
  for (const op of OPERATIONS) {
    it(`${op.path}: 200 and the error statuses it can produce`, async () => {
      const h = ozonHarness(8);
      const chatId = h.chatWhere((c) => c.scheme === 'FBO');
      const validate = (status: number, res: { status: number; json: Json }) => {
        expect(res.status, `${op.path} ${status}`).toBe(status);
        check(contract.response(op.path, status), res.json, `${op.path} ${status}`);
      };
      // A wrong Api-Key is a 404 on every method (what probes of the live API report).
      validate(404, await h.send({ ...op.ok(h, chatId), apiKey: 'wrong' }));
      validate(200, await h.send(op.ok(h, chatId)));
      validate(400, await h.send(op.bad));
      if (op.notFound) validate(404, await h.send(op.notFound));
      if (op.forbidden) validate(403, await h.send(op.forbidden(h, chatId)));
      const internal = h.module.errorResponse!(500, 'Internal error');
      validate(500, { status: internal.status, json: internal.body });
    });
  }

  it('401, 405 and 429, which the paths do not list, use rpcStatus too', async () => {
    const h = ozonHarness(2);
    h.module.configure({ rateLimitPerSecond: 1 });
    const missing = await h.send({ path: '/v3/chat/list', body: { limit: 1 }, apiKey: null });
    const method = await h.send({ path: '/v3/chat/list', method: 'GET' });
    await h.send({ path: '/v3/chat/list', body: { limit: 1 } });
    const limited = await h.send({ path: '/v3/chat/list', body: { limit: 1 } });
    expect([missing.status, method.status, limited.status]).toEqual([401, 405, 429]);
    for (const res of [missing, method, limited]) check(contract.rpcStatus(), res.json, String(res.status));
  });

  it('every seeded chat, user type, image and the Cyrillic spelling pass /v3/chat/history', async () => {
    const h = ozonHarness(16);
    for (const cyrillicCustomer of [false, true]) {
      h.module.configure({ cyrillicCustomer });
      const list = await h.send({ path: '/v3/chat/list', body: { limit: 1000 } });
      check(contract.response('/v3/chat/list', 200), list.json, 'list');
      for (const item of list.json.chats as Json[]) {
        const res = await h.send({ path: '/v3/chat/history', body: { chat_id: item.chat.chat_id } });
        check(contract.response('/v3/chat/history', 200), res.json, `history ${item.chat.chat_id}`);
      }
    }
  });
});

describe('Ozon push bodies match the documented examples and tables', () => {
  it('covers exactly the chat push types, and differs from the tables only on seller_id', () => {
    expect(push.types).toEqual([
      'TYPE_CHAT_CLOSED',
      'TYPE_MESSAGE_READ',
      'TYPE_NEW_MESSAGE',
      'TYPE_PING',
      'TYPE_UPDATE_MESSAGE',
    ]);
    expect(push.conflicts).toEqual([
      'TYPE_NEW_MESSAGE.seller_id: table says integer, example has string',
      'TYPE_UPDATE_MESSAGE.seller_id: table says integer, example has string',
      'TYPE_MESSAGE_READ.seller_id: table says integer, example has string',
      'TYPE_CHAT_CLOSED.seller_id: table says integer, example has string',
    ]);
  });

  it('every push the module sends validates, in both spellings of Customer', async () => {
    for (const cyrillicCustomer of [false, true]) {
      const h = ozonHarness(8);
      h.module.configure({ cyrillicCustomer });
      h.module.pingPush!();
      const { chatId, messageId } = h.module.buyerOpenChat({ text: 'Hi', kind: 'fbs' });
      await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'Hello' } });
      h.module.buyerWrite(chatId, 'Thanks');
      h.module.buyerEdit(chatId, messageId, 'Hi!');
      h.module.closeChat(chatId);
      const supportChat = h.chatWhere((c) => c.chatType === 'Seller_Support');
      await h.send({ path: '/v1/chat/send/message', body: { chat_id: supportChat, text: 'Thanks' } });
      h.module.buyerWrite(supportChat, 'You are welcome');
      const types = h.pushes.map((p) => (p.body as { message_type: string }).message_type);
      expect(new Set(types)).toEqual(new Set(push.types));
      for (const [index, notification] of h.pushes.entries()) {
        check(
          push.validator(types[index]!),
          notification.body,
          `${types[index]} (cyrillic ${cyrillicCustomer})`,
        );
      }
    }
  });

  it('rejects a numeric seller_id, a lowercase user type, a missing field or an extra one', () => {
    const validate = push.validator('TYPE_NEW_MESSAGE');
    const body = {
      message_type: 'TYPE_NEW_MESSAGE',
      chat_id: 'b646d975-0c9c-4872-9f41-8b1e57181063',
      chat_type: 'Buyer_Seller',
      message_id: '3000000000817031942',
      created_at: '2022-07-18T20:58:04.528Z',
      user: { id: '115568', type: 'Customer' },
      data: ['Текст сообщения'],
      seller_id: '7',
    };
    expect(accepts(validate, body)).toBe(true);
    expect(accepts(validate, { ...body, seller_id: 7 })).toBe(false);
    expect(accepts(validate, { ...body, user: { id: '1', type: 'customer' } })).toBe(false);
    expect(accepts(validate, { ...body, message_id: 3 })).toBe(false);
    const { data: _data, ...withoutData } = body;
    expect(accepts(validate, withoutData)).toBe(false);
    expect(accepts(validate, { ...body, is_read: true })).toBe(false);
    expect(
      accepts(push.validator('TYPE_PING'), { message_type: 'string', time: '2019-08-24T14:15:22Z' }),
    ).toBe(false);
  });
});

describe('the Ozon relaxation is exactly what the official examples need', () => {
  it('the official examples pass the relaxed schemas; the list example only fails on has_next "true"', () => {
    const history = contract.example('/v3/chat/history');
    check(contract.response('/v3/chat/history', 200), history, 'history example');
    check(contract.response('/v1/chat/start', 200), contract.example('/v1/chat/start'), 'start example');
    const list = contract.example('/v3/chat/list') as Json;
    const validate = contract.response('/v3/chat/list', 200);
    expect(accepts(validate, list)).toBe(false);
    expect(validate.errors!.map((error) => error.instancePath)).toEqual(['/has_next']);
    expect(accepts(validate, { ...list, has_next: true })).toBe(true);
  });

  it("the unrelaxed schema rejects the examples' string ids, and the relaxed one rejects numbers", async () => {
    const strict = loadOzonContract({ relaxIds: false });
    expect(accepts(strict.response('/v3/chat/history', 200), contract.example('/v3/chat/history'))).toBe(
      false,
    );
    const h = ozonHarness(2);
    const chatId = h.module.listThreads()[0]!.chatId;
    const res = await h.send({ path: '/v3/chat/history', body: { chat_id: chatId, limit: 1 } });
    expect(accepts(strict.response('/v3/chat/history', 200), res.json)).toBe(false);
    const numeric = structuredClone(res.json);
    numeric.messages[0].message_id = 3;
    expect(accepts(contract.response('/v3/chat/history', 200), numeric)).toBe(false);
    expect(RELAXED_IDS).toHaveLength(3);
  });
});
