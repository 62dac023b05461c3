// Debian's redis-server for n8n's queue mode, as the test's own throwaway: a free port on
// 127.0.0.1, a temporary working folder, nothing saved to disk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './n8n-host.mjs';
import { startGroup, waitUntil } from './process-group.mjs';
import { portOpen } from './processes.mjs';

const START_TIMEOUT_MS = 20_000;

export function redisInstalled() {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'sellerchat-redis-'));
  const port = await freePort(0);
  const server = startGroup(
    'redis',
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { env: process.env, stopTimeoutMs: 10_000 },
  );
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(server, () => portOpen(port), START_TIMEOUT_MS, 'listening');
  } catch (error) {
    await stop();
    throw error;
  }
  return { host: '127.0.0.1', port, pid: server.pid, output: server.output, stop };
}
