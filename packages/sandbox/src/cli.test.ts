import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest } from '../test/helpers/raw-http.js';

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
  await build({
    entry: { cli: join(import.meta.dirname, 'cli.ts') },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node22',
    config: false,
    silent: true,
  });
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

function startCli(args: string[]): { child: ChildProcess; banner: Promise<string> } {
  const child = spawn(process.execPath, [join(outDir, 'cli.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const banner = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Ctrl-C stops.')) resolve(output);
    });
    child.stderr?.on('data', (chunk: Buffer) => reject(new Error(chunk.toString('utf8'))));
    child.on('exit', (code) => reject(new Error(`cli exited with ${code} before starting: ${output}`)));
  });
  return { child, banner };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

function portState(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('sellerchat-sandbox CLI', () => {
  it('prints base URLs, working credentials and the buyer page, serves them, and stops cleanly on SIGTERM', async () => {
    const { child, banner } = startCli(['--port', '0', '--seed', '3', '--chats', '2']);
    const text = await banner;
    const url = /SellerChat sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1] ?? '';
    expect(url).not.toBe('');
    for (const id of ['metro', 'yandex', 'ozon', 'storeden']) expect(text).toContain(`${url}/${id}`);
    expect(text).toContain(`Buyer page:  ${url}/_sandbox/ui`);
    expect(text).toContain('readWrite: key=storeden-sandbox-key  exchange=storeden-sandbox-exchange');

    const list = await jsonRequest(`${url}/storeden/messages/chat_list.json`, {
      headers: { key: 'storeden-sandbox-key', exchange: 'storeden-sandbox-exchange' },
    });
    expect((list.json as unknown[]).length).toBe(2);
    expect((await jsonRequest(`${url}/_sandbox/seed`)).json).toEqual({ seed: 3, chats: 2 });

    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await portState(Number(new URL(url).port))).toBe('ECONNREFUSED');
  });

  it('refuses a bad flag value naming the flag', async () => {
    const child = spawn(process.execPath, [join(outDir, 'cli.js'), '--chats', 'lots'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    expect(await exitCode(child)).toBe(1);
    expect(stderr).toContain('--chats must be a whole number (got "lots")');
  });
});
