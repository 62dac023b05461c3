// The restart tests' run: a Node-RED host with the restart flow in a userDir of its own, and the
// kill loop with buyers writing, ending in the verdict. restart.test.ts runs it polling only,
// restart-push.test.ts with push on for Yandex Market and Ozon.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARKETPLACES } from '@sellerchat/core';
import {
  allAnswered,
  Buyers,
  between,
  createSeededRandom,
  type JsonReceiver,
  type RecordedEvent,
  sellerBaseline,
  startJsonReceiver,
  type Verdict,
  verdict,
  writableChats,
} from '@sellerchat/sandbox/testing';
import { deploy, type Host, startHost } from './host-process.js';
import { PACKAGE_DIR, PACKAGE_NAME } from './packed-install.js';
import { PUSH_MARKETPLACES, restartFlow, triggerIds } from './restart-flow.js';
import { openSandbox, type RunningSandbox } from './sandbox.js';

export interface ScenarioOptions {
  /** Seconds; 0 is redelivery off. */
  redeliverS: number;
  /** Push on for Yandex Market and Ozon (the sandbox delivers to the host's fixed port). */
  push: boolean;
  /**
   * How long the recorder takes to answer, as the language model or the lookup of a real
   * auto-reply flow does: the time between an event and its reply is what a kill interrupts.
   */
  flowWorkMs: number;
  chatsPerMarketplace: number;
}

export interface Outcome extends Verdict {
  written: number;
  errors: unknown[];
  restartsMs: number[];
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(probe: () => Promise<boolean> | boolean, what: string, ms: number): Promise<void> {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export class RestartScenario {
  sb!: RunningSandbox;
  recorder!: JsonReceiver;
  #work = '';
  #userDir = '';
  #env: Record<string, string> = { NODE_RED_FILE_CONTEXT_CACHE: 'off' };
  #host: Host | undefined;

  constructor(private readonly options: ScenarioOptions) {}

  async open(): Promise<void> {
    if (!existsSync(join(PACKAGE_DIR, 'dist', 'nodes', 'sellerchat-in.js'))) {
      throw new Error(
        'dist/ is missing: run `pnpm build` in packages/node-red first (turbo does it before test)',
      );
    }
    this.sb = await openSandbox(this.options.chatsPerMarketplace + 2, 29);
    this.recorder = await startJsonReceiver({ delayMs: this.options.flowWorkMs });
    this.#work = mkdtempSync(join(tmpdir(), 'sellerchat-restart-'));
    this.#userDir = join(this.#work, 'userdir');
    // Linked as `npm install <folder>` links: the runtime loads the built dist/ with its own node_modules.
    mkdirSync(join(this.#userDir, 'node_modules'), { recursive: true });
    writeFileSync(join(this.#userDir, 'package.json'), JSON.stringify({ name: 'nr-userdir', private: true }));
    symlinkSync(PACKAGE_DIR, join(this.#userDir, 'node_modules', PACKAGE_NAME), 'dir');
    // Push needs an address that outlives a restart, as a real endpoint has.
    if (this.options.push) this.#env.NODE_RED_PORT = String(await freePort());
    this.#host = await startHost(this.#userDir, { env: this.#env });
    const flow = restartFlow(this.sb, this.recorder.url, {
      redeliverS: this.options.redeliverS,
      push: this.options.push,
    });
    await deploy(this.#host, flow);
    // "Now" must be on disk before the first kill, or a restart would start from a later "now".
    await until(
      async () => {
        for (const id of triggerIds()) {
          const res = await this.#host!.admin(`/context/node/${id}?store=file`);
          const body = (await res.json()) as { file?: Record<string, unknown> };
          if (!body.file?.['sellerchat-watcher']) return false;
        }
        return true;
      },
      'every trigger to save its first state in the file store',
      30_000,
    );
    if (this.options.push) {
      for (const marketplace of PUSH_MARKETPLACES) {
        // Retries a few seconds apart: a notification sent while the host is down comes again.
        this.sb.control.setPush(marketplace, {
          url: `${this.#host.origin}/api/sellerchat/${marketplace}`,
          retryScale: 0.2,
        });
      }
      await this.sb.control.pushIdle();
    }
  }

  async close(): Promise<void> {
    await this.#host?.kill();
    await this.recorder?.close();
    await this.sb?.close();
    if (this.#work) rmSync(this.#work, { recursive: true, force: true });
  }

  /** `kills` SIGKILLs 300–2500 ms apart while buyers write; then waits (bounded) for the host to catch up. */
  async run(seed: number, kills: number): Promise<Outcome> {
    const started = Date.now();
    const killAt = createSeededRandom(seed);
    const chats = MARKETPLACES.flatMap((m) => writableChats(this.sb, m, this.options.chatsPerMarketplace));
    const baseline = sellerBaseline(this.sb);
    const buyers = new Buyers(this.sb, chats, baseline, createSeededRandom(seed + 1));
    const restartsMs: number[] = [];
    buyers.start();
    try {
      for (let kill = 0; kill < kills; kill++) {
        await sleep(between(killAt, 300, 2500));
        await this.#host!.kill();
        const down = Date.now();
        this.#host = await startHost(this.#userDir, { env: this.#env });
        restartsMs.push(Date.now() - down);
      }
    } finally {
      buyers.stop();
    }
    // Longer than the redelivery delay: a wrong redelivery of an answered message would show within it.
    const quietMs = Math.max(this.options.redeliverS, 4) * 1000 + 1500;
    let seen = -1;
    let quietSince = Date.now();
    await until(
      () => {
        if (this.recorder.received.length !== seen) {
          seen = this.recorder.received.length;
          quietSince = Date.now();
        }
        return allAnswered(this.sb, baseline, buyers.written) && Date.now() - quietSince >= quietMs;
      },
      'a reply to every buyer message and a quiet recorder',
      60_000,
    ).catch((error: Error) => console.log(error.message)); // the verdict says what is missing
    const received = this.recorder.received;
    const events = received.filter((r) => r.path === '/event').map((r) => r.body as RecordedEvent);
    return {
      ...verdict(this.sb, baseline, buyers.written, events),
      written: buyers.written.length,
      errors: received.filter((r) => r.path === '/error').map((r) => r.body),
      restartsMs,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  }
}

export function describeOutcome(seed: number, kills: number, o: Outcome): string {
  return (
    `seed ${seed}: ${o.written} buyer messages, ${o.replies} replies, ${o.events} events ` +
    `(${o.redelivered} redelivered, ${o.pushed} by push), ${kills} kills (restarts ${Math.min(...o.restartsMs)}–` +
    `${Math.max(...o.restartsMs)} ms), ${o.seconds} s`
  );
}
