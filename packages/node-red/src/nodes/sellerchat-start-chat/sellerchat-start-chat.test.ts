import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caughtError, loadAction } from '../../../test/support/action-flow.js';
import { type CountingServer, startCountingServer } from '../../../test/support/counting-server.js';
import { collect, helper, nextMessage, until } from '../../../test/support/node-red.js';
import { openSandbox, type RunningSandbox, sellerMessagesIn } from '../../../test/support/sandbox.js';

let sb: RunningSandbox;
let counting: CountingServer;

beforeAll(async () => {
  sb = await openSandbox(4);
  counting = await startCountingServer();
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
});
afterAll(async () => {
  await helper.stopServer();
  await counting.close();
  await sb.close();
});

async function run(msg: Record<string, unknown>, sink = 'out') {
  const next = nextMessage(sink);
  helper.getNode('node').receive(msg);
  return next;
}

function threadWith(
  marketplace: 'metro' | 'yandex' | 'ozon',
  key: string,
  test: (t: Record<string, string>) => boolean = () => true,
) {
  const thread = sb.control.threads(marketplace).find((t) => t.context?.[key] && test(t.context));
  if (!thread) throw new Error(`no ${marketplace} thread with ${key}`);
  return { chatId: thread.chatId, value: thread.context![key]! };
}

describe('sellerchat-start-chat', () => {
  it('yandex: the chat of an order; a send wired after it writes there with no chat configured', async () => {
    const { chatId, value: orderId } = threadWith('yandex', 'orderId', (c) => c.contextType === 'ORDER');
    await loadAction(
      sb,
      'yandex',
      { type: 'sellerchat-start-chat', orderId, wires: [['out', 'send']] },
      {
        extra: [
          {
            id: 'send',
            type: 'sellerchat-send',
            account: 'acc-yandex',
            x: 1,
            y: 1,
            z: 'tab1',
            wires: [['sent']],
          },
          { id: 'sent', type: 'helper', x: 1, y: 1, z: 'tab1' },
        ],
      },
    );
    const sent = collect('sent');
    const msg = await run({ payload: 'We have a question about your order' });
    expect(msg.topic).toBe(chatId);
    expect((msg.sellerchat as { chat: { id: string } }).chat.id).toBe(chatId);
    expect(msg.payload).toBe('We have a question about your order');
    await until(() => sent.length === 1, 'the send after start chat');
    expect(sellerMessagesIn(sb, 'yandex', chatId).at(-1)?.text).toBe('We have a question about your order');
  });

  it('ozon: the chat of a posting number given in msg.payload', async () => {
    const { chatId, value: postingNumber } = threadWith('ozon', 'postingNumber', (c) => c.scheme !== 'FBO');
    await loadAction(sb, 'ozon', { type: 'sellerchat-start-chat' });
    const msg = await run({ payload: { postingNumber } });
    expect(msg.topic).toBe(chatId);
    expect((msg.sellerchat as { reply: object }).reply).toEqual({ marketplace: 'ozon', chatId });
  });

  it('metro: the chat of an order with a chat category', async () => {
    const { chatId, value: orderId } = threadWith('metro', 'orderId');
    await loadAction(sb, 'metro', { type: 'sellerchat-start-chat', orderId, categoryId: '211' });
    const msg = await run({});
    expect(msg.topic).toBe(chatId);
  });

  it('storeden: NotSupported (buyers start chats), before any request', async () => {
    await loadAction(
      sb,
      'storeden',
      { type: 'sellerchat-start-chat', orderId: '1' },
      { baseUrl: counting.url },
    );
    expect(caughtError(await run({}, 'caught'))).toMatchObject({
      kind: 'not_supported',
      operation: 'startChat',
    });
    expect(counting.requests).toBe(0);
  });

  it('ozon without a posting number: a validation error naming postingNumber, before any request', async () => {
    await loadAction(sb, 'ozon', { type: 'sellerchat-start-chat', orderId: '5' }, { baseUrl: counting.url });
    expect(caughtError(await run({}, 'caught'))).toMatchObject({
      kind: 'validation',
      field: 'postingNumber',
      marketplace: 'ozon',
    });
    expect(counting.requests).toBe(0);
  });
});
