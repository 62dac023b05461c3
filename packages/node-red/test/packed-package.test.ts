// The package as a user gets it: packed to a tarball, installed with npm into a fresh userDir,
// loaded by a real Node-RED 5 runtime in its own process, flows deployed through the admin API.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, type Host, startHost } from './support/host-process.js';
import {
  openSandbox,
  type RunningSandbox,
  sandboxCredentials,
  sellerMessagesIn,
  writableChat,
} from './support/sandbox.js';

const PACKAGE_DIR = new URL('..', import.meta.url).pathname;
const NAME = 'node-red-contrib-sellerchat';
const TYPES = [
  'sellerchat-account',
  'sellerchat-in',
  'sellerchat-send',
  'sellerchat-upload',
  'sellerchat-mark-read',
  'sellerchat-list',
  'sellerchat-start-chat',
];

let work: string;
let tarball: string;
let userDir: string;
let host: Host | undefined;
let sb: RunningSandbox;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 20_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}\n${host?.output() ?? ''}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  if (!existsSync(join(PACKAGE_DIR, 'dist', 'nodes', 'sellerchat-in.js'))) {
    throw new Error(
      'dist/ is missing: run `pnpm build` in packages/node-red first (turbo does it before test)',
    );
  }
  sb = await openSandbox(3, 21);
  work = mkdtempSync(join(tmpdir(), 'sellerchat-nr-'));
  execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: PACKAGE_DIR, stdio: 'ignore' });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  userDir = join(work, 'userdir');
  execFileSync('mkdir', ['-p', userDir]);
  writeFileSync(join(userDir, 'package.json'), JSON.stringify({ name: 'nr-userdir', private: true }));
  npm(['install', tarball, '--omit=dev', '--prefer-offline'], userDir);
  host = await startHost(userDir);
}, 240_000);

afterAll(async () => {
  await host?.stop();
  await sb?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball in an embedded Node-RED', () => {
  it('ships dist, help, icons, examples and editor resources, and no sources or tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const type of TYPES) {
      expect(files).toContain(`package/dist/nodes/${type}.js`);
      expect(files).toContain(`package/dist/nodes/${type}.html`);
      expect(files).toContain(`package/dist/nodes/locales/en-US/${type}.html`);
    }
    expect(files).toContain('package/dist/nodes/icons/sellerchat-in.svg');
    expect(files).toContain('package/resources/editor.js');
    expect(files.filter((f) => f.startsWith('package/examples/')).length).toBeGreaterThanOrEqual(3);
    expect(files.some((f) => f.includes('/src/') || f.includes('/test/') || f.endsWith('.ts'))).toBe(false);
    const installed = JSON.parse(readFileSync(join(userDir, 'node_modules', NAME, 'package.json'), 'utf8'));
    expect(Object.keys(installed.dependencies ?? {}).sort()).toEqual(['axios', 'lossless-json']);
    expect(existsSync(join(userDir, 'node_modules', '@sellerchat'))).toBe(false); // the core is bundled
  });

  it('registers every node type, enabled and without error (GET /red/nodes)', async () => {
    const nodes = (await (await host!.admin('/nodes')).json()) as Array<{
      module: string;
      types: string[];
      enabled: boolean;
      err?: string;
    }>;
    const ours = nodes.filter((n) => n.module === NAME);
    expect(ours.flatMap((n) => n.types).sort()).toEqual([...TYPES].sort());
    for (const set of ours) {
      expect(set.enabled).toBe(true);
      expect(set.err ?? null).toBeNull();
    }
  });

  it('gives the editor its dialogs, help, icons, capabilities, resources and examples', async () => {
    const html = await (await host!.admin('/nodes', { headers: { accept: 'text/html' } })).text();
    for (const type of TYPES) {
      expect(html).toContain(`RED.nodes.registerType('${type}'`);
      expect(html).toContain(`data-help-name="${type}"`);
    }
    const caps = (await (await host!.admin('/sellerchat/capabilities')).json()) as Record<
      string,
      { push: boolean }
    >;
    expect(Object.keys(caps).sort()).toEqual(['metro', 'ozon', 'storeden', 'yandex']);
    expect(caps.yandex?.push).toBe(true);
    const icons = (await (await host!.admin('/icons')).json()) as Record<string, string[]>;
    expect(icons[NAME]).toContain('sellerchat-send.svg');
    expect((await host!.admin('/resources/node-red-contrib-sellerchat/editor.js')).status).toBe(200);
    const examples = await (await host!.admin('/library/examples/flows')).text();
    expect(examples).toContain(NAME);
  });

  it('deploys the auto-reply example, answers once, keeps secrets out of flows.json and the export, and resumes after a restart', async () => {
    const example = JSON.parse(
      readFileSync(join(PACKAGE_DIR, 'examples', 'auto-reply.json'), 'utf8'),
    ) as Array<Record<string, unknown>>;
    const creds = sandboxCredentials(sb, 'yandex');
    const flows = example.map((n) => {
      if (n.type === 'sellerchat-account') return { ...n, baseUrl: sb.url, credentials: creds };
      if (n.type === 'sellerchat-in') return { ...n, interval: 1 };
      return n;
    });
    const trigger = flows.find((n) => n.type === 'sellerchat-in')!;
    const account = flows.find((n) => n.type === 'sellerchat-account')!;
    await deploy(host!, flows);

    // The state reaches the file store once the first poll is done: "now" is set.
    const stateKey = async () => {
      const res = await host!.admin(`/context/node/${trigger.id}?store=file`);
      const body = (await res.json()) as Record<string, Record<string, unknown>>;
      return body.file?.['sellerchat-watcher'] ? true : undefined;
    };
    await until(stateKey, 'the first poll to save its state in the file store');

    const chatId = writableChat(sb, 'yandex');
    const before = sellerMessagesIn(sb, 'yandex', chatId).length;
    sb.control.buyerWrite('yandex', { chatId, text: 'Question A' });
    await until(() => sellerMessagesIn(sb, 'yandex', chatId).length > before || undefined, 'the reply to A');

    // Secrets: not in flows.json, not in the export, not readable through the admin API, not in the log.
    const secret = creds.yandexApiKey!;
    const flowsFile = readFileSync(join(userDir, 'flows.json'), 'utf8');
    expect(flowsFile).toContain('sellerchat-account');
    expect(flowsFile).not.toContain(secret);
    const exported = await (await host!.admin('/flows')).text();
    expect(exported).toContain(String(account.id));
    expect(exported).not.toContain(secret);
    expect(readFileSync(join(userDir, 'flows_cred.json'), 'utf8')).not.toContain(secret);
    const editorView = (await (
      await host!.admin(`/credentials/sellerchat-account/${account.id}`)
    ).json()) as Record<string, unknown>;
    expect(editorView).toMatchObject({ has_yandexApiKey: true, yandexBusinessId: creds.yandexBusinessId });
    expect(JSON.stringify(editorView)).not.toContain(secret);

    // Restart: B arrives while Node-RED is down; after the restart it is answered once, A is not again.
    await host!.stop();
    host = undefined;
    sb.control.buyerWrite('yandex', { chatId, text: 'Question B' });
    host = await startHost(userDir);
    await until(
      () => sellerMessagesIn(sb, 'yandex', chatId).length >= before + 2 || undefined,
      'the reply to B',
    );
    await sleep(2500); // a few more polls: nothing else may come
    const replies = sellerMessagesIn(sb, 'yandex', chatId).slice(before);
    expect(replies).toHaveLength(2);
    expect(host.output()).not.toContain(secret);
  });
});
