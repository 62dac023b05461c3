// 50 full redeploys through the admin API of a real Node-RED, of a trigger (polling every
// second, with a push endpoint) wired to a send node and a counter: afterwards no timer, socket,
// route or listener is left over from the old deploys, and every buyer message written along
// the way was emitted once and answered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, type Host, startHost } from './support/host-process.js';
import { installPacked, type PackedInstall } from './support/packed-install.js';
import {
  openSandbox,
  type RunningSandbox,
  sandboxCredentials,
  sellerMessagesIn,
  writableChat,
} from './support/sandbox.js';

const REDEPLOYS = 50;

let sb: RunningSandbox;
let installed: PackedInstall;
let host: Host;

beforeAll(async () => {
  sb = await openSandbox(3, 31);
  installed = installPacked();
  host = await startHost(installed.userDir);
}, 240_000);
afterAll(async () => {
  await host?.stop();
  await sb?.close();
  installed?.remove();
});

interface Probe {
  resources: Record<string, number>;
  processListeners: number;
  runtimeListeners: number;
  routes: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}\n${host.output()}`);
    await sleep(50);
  }
}

async function probe(): Promise<Probe> {
  return (await (await fetch(`${host.origin}/_test/probe`)).json()) as Probe;
}

async function globalValue<T>(key: string): Promise<T | undefined> {
  const res = await host.admin(`/context/global/${key}`);
  const body = (await res.json()) as { memory?: { msg: string } } | { msg?: string };
  const entry = 'memory' in body ? body.memory : (body as { msg?: string });
  // A key nobody has set yet comes back as the text "(undefined)".
  return entry?.msg === undefined || entry.msg === '(undefined)' ? undefined : (JSON.parse(entry.msg) as T);
}

describe(`${REDEPLOYS} redeploys in an embedded Node-RED`, () => {
  it('leave no timer, socket, route or listener behind, and no event twice or never', async () => {
    const flows = [
      { id: 'tab', type: 'tab', label: 'redeploy' },
      {
        id: 'acc',
        type: 'sellerchat-account',
        marketplace: 'yandex',
        server: 'sandbox',
        baseUrl: sb.url,
        credentials: sandboxCredentials(sb, 'yandex'),
      },
      {
        id: 'in',
        type: 'sellerchat-in',
        z: 'tab',
        account: 'acc',
        events: 'messages',
        interval: 1,
        firstRun: 'now',
        push: true,
        pushPath: '/sellerchat/redeploy',
        x: 100,
        y: 100,
        wires: [['send', 'count']],
      },
      {
        id: 'send',
        type: 'sellerchat-send',
        z: 'tab',
        account: 'acc',
        chat: '',
        x: 300,
        y: 100,
        wires: [[]],
      },
      {
        id: 'count',
        type: 'function',
        z: 'tab',
        func: "const ids = global.get('emitted') || [];\nids.push(msg.sellerchat.id);\nglobal.set('emitted', ids);\nreturn null;",
        outputs: 0,
        x: 300,
        y: 160,
        wires: [],
      },
    ];
    const polled = async () => {
      const res = await host.admin('/context/node/in?store=file');
      const body = (await res.json()) as { file?: Record<string, unknown> };
      return body.file?.['sellerchat-watcher'] !== undefined;
    };

    await deploy(host, flows);
    await until(polled, 'the first poll');
    await sleep(1500);
    const baseline = await probe();
    expect(baseline.routes).toBe(2); // the path and Yandex's <path>/notification

    const chatId = writableChat(sb, 'yandex');
    const before = sellerMessagesIn(sb, 'yandex', chatId).length;
    const written: string[] = [];
    for (let i = 1; i <= REDEPLOYS; i++) {
      await deploy(host, flows);
      if (i % 10 === 5) {
        // Written while the deploys go on: one of them must emit and answer it, later ones never again.
        const text = `question during redeploy ${i}`;
        written.push(text);
        sb.control.buyerWrite('yandex', { chatId, text });
      }
    }
    await until(
      () => sellerMessagesIn(sb, 'yandex', chatId).length >= before + written.length,
      `${written.length} replies`,
    );
    await sleep(2500); // two more polls: nothing old may come back

    const after = await probe();
    expect(after.routes).toBe(2);
    expect(after.processListeners).toBe(baseline.processListeners);
    expect(after.runtimeListeners).toBe(baseline.runtimeListeners);
    for (const kind of ['Timeout', 'TCPSocketWrap', 'TCPServerWrap']) {
      // A poll timer, a keep-alive socket: never one per redeploy.
      expect(after.resources[kind] ?? 0, `${kind} handles`).toBeLessThanOrEqual(
        (baseline.resources[kind] ?? 0) + 2,
      );
    }
    const emitted = (await globalValue<string[]>('emitted')) ?? [];
    expect(emitted).toHaveLength(written.length);
    expect(new Set(emitted).size).toBe(emitted.length);
    const replies = sellerMessagesIn(sb, 'yandex', chatId)
      .slice(before)
      .map((m) => m.text);
    expect(replies.sort()).toEqual([...written].sort());
  }, 180_000);

  it('start over when the account is pointed at another host: a saved position is one account’s', async () => {
    // Fewer seeded chats, so this host's Ozon message ids stay below the first host's: read
    // against the first host's saved position, its new messages would all look old and be lost.
    const other = await openSandbox(1, 12);
    try {
      const flowsOn = (target: RunningSandbox) => [
        { id: 'tab', type: 'tab', label: 'switch' },
        {
          id: 'acc-switch',
          type: 'sellerchat-account',
          marketplace: 'ozon',
          server: 'sandbox',
          baseUrl: target.url,
          credentials: sandboxCredentials(target, 'ozon'),
        },
        {
          id: 'in-switch',
          type: 'sellerchat-in',
          z: 'tab',
          account: 'acc-switch',
          events: 'messages',
          interval: 1,
          firstRun: 'now',
          x: 100,
          y: 100,
          wires: [['count-switch']],
        },
        {
          id: 'count-switch',
          type: 'function',
          z: 'tab',
          func: "const texts = global.get('switched') || [];\ntexts.push(msg.payload);\nglobal.set('switched', texts);\nreturn null;",
          outputs: 0,
          x: 300,
          y: 100,
          wires: [],
        },
      ];
      const polls = async () => {
        const res = await host.admin('/context/node/in-switch?store=file');
        const body = (await res.json()) as { file?: Record<string, { msg?: string }> };
        const saved = body.file?.['sellerchat-watcher']?.msg;
        return saved === undefined || saved === '(undefined)'
          ? -1
          : (JSON.parse(saved) as { state: { polls: number } }).state.polls;
      };
      const switched = async () => (await globalValue<string[]>('switched')) ?? [];

      await deploy(host, flowsOn(sb));
      await until(async () => (await polls()) >= 1, 'the first poll on the first host');
      sb.control.buyerWrite('ozon', { chatId: writableChat(sb, 'ozon'), text: 'on the first host' });
      await until(async () => (await switched()).length === 1, 'the first host’s message');

      await deploy(host, flowsOn(other));
      // The other host's first poll saves a fresh state (polls: 1); the old one had more.
      await until(async () => (await polls()) === 1, 'a fresh start on the other host');
      other.control.buyerWrite('ozon', { chatId: writableChat(other, 'ozon'), text: 'on the other host' });
      await until(async () => (await switched()).length === 2, 'the other host’s message');
      await sleep(2500); // two more polls: nothing old may come back
      expect(await switched()).toEqual(['on the first host', 'on the other host']);
    } finally {
      await other.close();
    }
  }, 120_000);
});
