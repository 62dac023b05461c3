// Debian's PostgreSQL for n8n's queue mode, as the test's own throwaway cluster: initdb into a
// temporary folder, TCP on 127.0.0.1 only (no Unix socket), a free port, no fsync. PostgreSQL
// refuses to run as root, so as root the cluster belongs to Debian's `postgres` user.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './n8n-host.mjs';
import { startGroup, waitUntil } from './process-group.mjs';

const START_TIMEOUT_MS = 60_000;
const QUERY_TIMEOUT_MS = 10_000;
const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder (Debian keeps it off PATH), or undefined. */
export function postgresBin() {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((version) => existsSync(join(PG_ROOT, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

/** uid and gid of Debian's `postgres` user, when we are root; else nothing (run as ourselves). */
function runAs() {
  if (process.getuid?.() !== 0) return {};
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPostgres() {
  const bin = postgresBin();
  if (!bin) throw new Error(`no PostgreSQL server under ${PG_ROOT}`);
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'sellerchat-postgres-'));
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const env = { ...process.env, LC_ALL: 'C', PGTZ: 'UTC' };
  try {
    // Only loopback TCP reaches it and it lives for one test: trust needs no password to keep secret.
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { ...user, env, stdio: ['ignore', 'ignore', 'pipe'], timeout: START_TIMEOUT_MS },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${error.stderr?.toString() || error.message}`);
  }
  const port = await freePort(0);
  const server = startGroup(
    'postgres',
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    // SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
    { ...user, env, stopSignal: 'SIGINT', stopTimeoutMs: 15_000 },
  );
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  /** One SQL statement through psql; resolves to its unaligned output. */
  const query = async (sql) => {
    const { stdout } = await run(
      join(bin, 'psql'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-XAtq', '-c', sql],
      { env: { ...env, PGCONNECT_TIMEOUT: '5' }, timeout: QUERY_TIMEOUT_MS },
    );
    return stdout;
  };
  try {
    await waitUntil(
      server,
      () =>
        query('SELECT 1').then(
          (out) => out.trim() === '1',
          () => false,
        ),
      START_TIMEOUT_MS,
      'accepting connections',
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    pid: server.pid,
    user: 'postgres',
    database: 'postgres',
    query,
    output: server.output,
    stop,
  };
}
