import type { MarketplaceId } from '@sellerchat/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allNodes, collect, helper, onTab, statuses, until } from '../../../test/support/node-red.js';
import {
  accountNode,
  openSandbox,
  type RunningSandbox,
  sandboxCredentials,
  sellerMessagesIn,
  writableChat,
} from '../../../test/support/sandbox.js';
import type { NodeMessage } from '../../lib/red.js';
import { STATE_KEY } from '../../lib/state-store.js';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await openSandbox();
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
  sb.control.clearFaults();
});
afterAll(async () => {
  await helper.stopServer();
  await sb.close();
});

/** sellerchat-in polling every second with redelivery after one second, into `out` (and `wires`). */
function flow(
  marketplace: MarketplaceId,
  trigger: Record<string, unknown>,
  extra: Array<Record<string, unknown>> = [],
) {
  const account = accountNode(sb, marketplace);
  return onTab([
    account,
    {
      id: 'in',
      type: 'sellerchat-in',
      account: account.id,
      events: 'messages',
      interval: 1,
      redeliver: 1,
      wires: [['out']],
      ...trigger,
    },
    { id: 'out', type: 'helper' },
    ...extra,
  ]);
}

async function load(marketplace: MarketplaceId, nodes: object[]) {
  await helper.load(await allNodes(), nodes, { [`acc-${marketplace}`]: sandboxCredentials(sb, marketplace) });
}

/** Completed polls (polling, then idle) seen after `from`. */
function pollsSince(seen: Array<{ text?: string }>, from: number): number {
  let polls = 0;
  let polling = false;
  for (const s of seen.slice(from)) {
    if (s.text === 'polling') polling = true;
    else if (s.text === 'idle' && polling) {
      polls++;
      polling = false;
    }
  }
  return polls;
}

interface Event {
  id: string;
  redelivered?: boolean;
  message: { id: string };
}
const eventOf = (msg: NodeMessage) => msg.sellerchat as Event;

interface InNode {
  send(msg: NodeMessage): void;
  context(): { get(key: string): unknown };
}

describe('sellerchat-in: redeliver unanswered messages', () => {
  it('sends an unanswered message again after the delay, same id and redelivered, max deliveries in all; state saved first', async () => {
    await load('storeden', flow('storeden', { redeliverMax: 2 }));
    const seen = statuses('in');
    const out = collect('out');
    // At the moment the node sends a msg, the state naming it as waiting for an answer is saved.
    const node = helper.getNode('in') as unknown as InNode;
    const send = node.send.bind(node);
    const savedFirst: boolean[] = [];
    node.send = (msg) => {
      const saved = node.context().get(STATE_KEY) as { state?: { pending?: string[][] } } | undefined;
      savedFirst.push((saved?.state?.pending ?? []).some((p) => p[0] === eventOf(msg).id));
      send(msg);
    };
    await until(() => pollsSince(seen, 0) >= 1, 'the first poll');
    const chatId = writableChat(sb, 'storeden');
    const { messageId } = sb.control.buyerWrite('storeden', { chatId, text: 'Nobody answers this one' });
    await until(() => out.length >= 2, 'the redelivery', 15_000);
    const [first, again] = out.map(eventOf);
    expect(first).toMatchObject({ message: { id: messageId } });
    expect(first!.redelivered).toBeUndefined();
    expect(again).toMatchObject({ id: first!.id, redelivered: true, message: { id: messageId } });
    expect(out[1]!.payload).toBe('Nobody answers this one');
    // Max deliveries 2: after the delay has passed again, nothing more comes.
    const from = seen.length;
    await until(() => pollsSince(seen, from) >= 3, 'three more polls', 15_000);
    expect(out).toHaveLength(2);
    // The first delivery was saved as waiting before it went out; the last one is no longer kept.
    expect(savedFirst).toEqual([true, false]);
  });

  it('does not send again a message the flow answered', async () => {
    const nodes = flow('ozon', { wires: [['send', 'out']] }, [
      { id: 'send', type: 'sellerchat-send', account: 'acc-ozon', chat: '', wires: [['sent']] },
      { id: 'sent', type: 'helper' },
    ]);
    await load('ozon', nodes);
    const seen = statuses('in');
    const out = collect('out');
    const sent = collect('sent');
    await until(() => pollsSince(seen, 0) >= 1, 'the first poll');
    const chatId = writableChat(sb, 'ozon');
    const before = sellerMessagesIn(sb, 'ozon', chatId).length;
    sb.control.buyerWrite('ozon', { chatId, text: 'Can you ship today?' });
    await until(() => sent.length > 0, 'the reply to be sent');
    // Well past the one-second delay.
    const from = seen.length;
    await until(() => pollsSince(seen, from) >= 3, 'three more polls', 15_000);
    expect(out).toHaveLength(1);
    expect(sellerMessagesIn(sb, 'ozon', chatId).slice(before)).toHaveLength(1);
  });

  it('refuses a delay out of range naming the field, and does not poll', async () => {
    await load('metro', flow('metro', { redeliver: 1.5 }));
    const node = helper.getNode('in') as unknown as { error: { args: unknown[][] } };
    await until(() => node.error.args.length > 0, 'the refusal');
    expect(String(node.error.args[0]![0])).toMatch(/redeliver unanswered after" must be 0 \(off\)/);
  });
});
