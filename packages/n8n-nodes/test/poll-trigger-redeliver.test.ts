import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { PollDriver } from './harness/poll-driver.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox(5);
});
afterAll(async () => {
  await sandbox.close();
});

/** Redelivery after one second, the shortest: the trigger runs on n8n's own clock. */
function driver(maxDeliveries?: number) {
  return new PollDriver(
    {
      marketplace: 'yandex',
      event: 'messages',
      options: { redeliverAfter: 1, ...(maxDeliveries === undefined ? {} : { maxDeliveries }) },
    },
    sandboxCredentials(sandbox, 'yandex'),
  );
}

function items(result: Awaited<ReturnType<PollDriver['poll']>>['result']): IDataObject[] {
  return (result?.[0] ?? []).map((item) => item.json);
}

/** Polls until one poll brings something, as n8n's schedule would; bounded. */
async function nextItems(poller: PollDriver, timeoutMs = 10_000): Promise<IDataObject[]> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const found = items((await poller.poll()).result);
    if (found.length > 0) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no item within the timeout');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chats(): string[] {
  return sandbox.control.threads('yandex').map((t) => t.chatId);
}

describe('SellerChat Trigger: Redeliver Unanswered After', () => {
  it('starts the workflow again for an unanswered message, same id and redelivered: true, Max Deliveries in all', async () => {
    const poller = driver(2);
    expect((await poller.poll()).result).toBeNull();
    const chatId = chats()[0]!;
    const { messageId } = sandbox.control.buyerWrite('yandex', { chatId, text: 'anyone there?' });
    const [first] = items((await poller.poll()).result);
    expect(first).toMatchObject({ type: 'message.received', message: { id: messageId } });
    expect(first!.redelivered).toBeUndefined();
    const [again, ...rest] = await nextItems(poller);
    expect(rest).toEqual([]);
    expect(again).toMatchObject({
      id: first!.id,
      redelivered: true,
      message: { id: messageId, text: 'anyone there?' },
      reply: { marketplace: 'yandex', chatId, messageId },
    });
    // Two deliveries in all: well past the delay, nothing more.
    await sleep(1_200);
    expect((await poller.poll()).result).toBeNull();
  });

  it('an answered message is not delivered again', async () => {
    const poller = driver();
    await poller.poll();
    const chatId = chats()[1]!;
    sandbox.control.buyerWrite('yandex', { chatId, text: 'can I return it?' });
    expect(items((await poller.poll()).result)).toHaveLength(1);
    const sent = await runNode({
      parameters: { marketplace: 'yandex', resource: 'message', operation: 'send', chatId, text: 'Yes.' },
      credentials: sandboxCredentials(sandbox, 'yandex'),
    });
    expect(sent.error).toBeUndefined();
    await sleep(1_200);
    expect((await poller.poll()).result).toBeNull();
    expect((await poller.poll()).result).toBeNull();
  });
});
