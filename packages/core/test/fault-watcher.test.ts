// The watcher under every fault the sandbox injects: buyers keep writing while polls fail or
// half-succeed, a host saves state only after a poll that worked, and once the faults stop every
// buyer message has produced exactly one message.received event: none lost, none repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKETPLACES, type MarketplaceId, SellerChatError } from '../src/index.js';
import { HISTORY_PATHS, TestHost } from '../src/watcher/testing/host.js';
import { fastRuntime } from './support/fast-runtime.js';
import { ALL_FAULT_CASES } from './support/fault-cases.js';
import { type FaultSandbox, openFaultSandbox } from './support/fault-sandbox.js';

/** Above the fast latency case, below the slow one: the slow case times out, the fast one does not. */
const WATCHER_TIMEOUT_MS = 400;
/** Quiet polls in a row that end the run once the faults are gone; a bound on polls after that. */
const QUIET_POLLS = 2;
const MAX_SETTLE_POLLS = 12;

let sb: FaultSandbox;
beforeAll(async () => {
  sb = await openFaultSandbox();
});
afterAll(async () => {
  await sb?.close();
});

/** Open chats with a buyer in them, so what the sandbox's buyer writes is a buyer message. */
function buyerChats(marketplace: MarketplaceId): string[] {
  const { control } = sb;
  return control
    .threads(marketplace)
    .filter((t) => !/closed|finished/i.test(t.status))
    .filter((t) => control.thread(marketplace, t.chatId).some((m) => m.from === 'buyer'))
    .map((t) => t.chatId);
}

/** One poll as a host runs it: a typed error is reported and the saved state stays; anything else fails. */
async function hostPoll(host: TestHost): Promise<number | 'failed'> {
  try {
    return (await host.poll()).length;
  } catch (error) {
    if (!(error instanceof SellerChatError)) {
      expect.fail(`a poll crashed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    return 'failed';
  }
}

describe.each(MARKETPLACES)('%s', (marketplace) => {
  it('delivers every buyer message exactly once across every fault kind, once the faults stop', async () => {
    sb.fresh();
    const chats = buyerChats(marketplace).slice(0, 2);
    expect(chats).toHaveLength(2);
    const { client } = sb.client(marketplace, fastRuntime(), WATCHER_TIMEOUT_MS);
    const host = new TestHost(client);
    expect(await host.poll()).toEqual([]);
    const expected: string[] = [];
    const outcomes: Array<number | 'failed'> = [];
    const write = (n: number, text: string) => {
      const chatId = chats[n % chats.length]!;
      expected.push(sb.control.buyerWrite(marketplace, { chatId, text }).messageId);
    };

    for (const fault of ALL_FAULT_CASES) {
      // Faults on every request of the marketplace: lists, histories, the pages in between.
      sb.control.addFault({ ...fault.fault(marketplace), marketplace });
      write(0, `${fault.name}: while nothing gets through`);
      outcomes.push(await hostPoll(host), await hostPoll(host));
      sb.control.clearFaults();
      // On histories only, four uses against three attempts a request: a poll that listed the
      // changed chats fails half way through reading them, the next one gets through.
      sb.control.addFault({
        ...fault.fault(marketplace),
        marketplace,
        path: HISTORY_PATHS[marketplace],
        times: 4,
      });
      write(1, `${fault.name}: first while it comes and goes`);
      write(2, `${fault.name}: second while it comes and goes`);
      outcomes.push(await hostPoll(host));
      write(3, `${fault.name}: third while it comes and goes`);
      outcomes.push(await hostPoll(host), await hostPoll(host));
      sb.control.clearFaults();
    }

    let quiet = 0;
    for (let n = 0; n < MAX_SETTLE_POLLS && quiet < QUIET_POLLS; n++) {
      const got = await hostPoll(host);
      quiet = got === 0 ? quiet + 1 : 0;
    }
    expect(quiet, 'the watcher settles once the faults stop').toBe(QUIET_POLLS);
    // The run met both: polls that failed and kept their state, and polls that worked through faults.
    expect(outcomes).toContain('failed');
    expect(outcomes.some((o) => typeof o === 'number')).toBe(true);
    const delivered = host.messages();
    expect([...delivered].sort()).toEqual([...expected].sort());
  }, 60_000);
});
