// --host n8n: a real n8n from the user's own install (the demo never installs n8n), with a fresh user
// folder in .demo/n8n-user, our nodes from the packed tarball, the sandbox credentials and the
// auto-reply workflows imported and published through n8n's CLI, then `n8n start` on 127.0.0.1.
// n8n runs in a process group of its own, so stopping it also stops its task runner, and Ctrl-C in
// the terminal reaches the demo only: the demo stops n8n before the sandbox it polls.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { installN8nNodes } from './n8n-install.mjs';
import { autoReplyWorkflow, demoCredentials } from './n8n-workflow.mjs';
import { DEMO_DIR } from './node-red-install.mjs';

export const N8N_USER_FOLDER = join(DEMO_DIR, 'n8n-user');
const CLI_TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const run = promisify(execFile);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port free on 127.0.0.1 right now: `preferred` when it is, else any. */
export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => {
      if (preferred !== 0 && error?.code === 'EADDRINUSE') resolve(freePort(0));
      else reject(error);
    });
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** n8n's environment: this folder only, loopback only, nothing sent home. */
export function n8nEnv(port, brokerPort) {
  const env = { ...process.env };
  // A user's own extension folder or key would mix into the demo's fresh instance.
  for (const name of ['N8N_CUSTOM_EXTENSIONS', 'N8N_ENCRYPTION_KEY', 'N8N_CONFIG_FILES', 'DB_TYPE']) {
    delete env[name];
  }
  return {
    ...env,
    // The `n8n` script runs on the first node of PATH: the demo's own Node (24), whose ABI
    // the install's native modules (sqlite3) must be built for.
    PATH: `${dirname(process.execPath)}${delimiter}${env.PATH ?? ''}`,
    N8N_USER_FOLDER,
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PROTOCOL: 'http',
    N8N_PORT: String(port),
    // The task runner's broker defaults to 5679, next to n8n's own default: give it a free port too.
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
    N8N_SECURE_COOKIE: 'false',
    DB_SQLITE_POOL_SIZE: '1',
    N8N_LOG_LEVEL: 'info',
  };
}

export async function cli(bin, args, env) {
  try {
    await run(bin, args, { env, timeout: CLI_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(
      `n8n ${args.join(' ')} failed (${error.code ?? error.signal}):\n${error.stderr || error.stdout}`,
    );
  }
}

/**
 * Fresh user folder, nodes installed, credentials and workflows imported and published.
 * Resolves to the published workflows' ids.
 */
async function prepare(bin, { credentials, workflows }, env, log) {
  rmSync(N8N_USER_FOLDER, { recursive: true, force: true });
  const n8nDir = join(N8N_USER_FOLDER, '.n8n');
  mkdirSync(n8nDir, { recursive: true });
  installN8nNodes(n8nDir, log);
  const credentialsFile = join(N8N_USER_FOLDER, 'credentials.json');
  const workflowsFile = join(N8N_USER_FOLDER, 'workflows.json');
  log('n8n: importing the sandbox credentials and the workflows (n8n CLI)');
  try {
    // In the clear only until n8n has encrypted it into its database.
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    await cli(bin, ['import:credentials', `--input=${credentialsFile}`], env);
  } finally {
    rmSync(credentialsFile, { force: true });
  }
  writeFileSync(workflowsFile, JSON.stringify(workflows));
  await cli(bin, ['import:workflow', `--input=${workflowsFile}`], env);
  const ids = workflows.map((workflow) => workflow.id);
  for (const id of ids) await cli(bin, ['publish:workflow', `--id=${id}`], env);
  return ids;
}

/**
 * Whether every trigger of every workflow has saved its first state: the poller's first poll (run
 * at activation) or the push trigger's anchor. n8n keeps it in the workflow's static data, one entry
 * per trigger node; the demo reads n8n's SQLite read-only, as n8n logs no activation line for
 * workflows it starts with. `triggers`: workflow id → how many trigger nodes it has.
 */
function triggersReady(triggers) {
  let db;
  try {
    db = new DatabaseSync(join(N8N_USER_FOLDER, '.n8n', 'database.sqlite'), { readOnly: true });
    return watchersSaved(db.prepare('SELECT id, staticData FROM workflow_entity').all(), triggers);
  } catch {
    // Not created or locked yet: ask again.
    return false;
  } finally {
    db?.close();
  }
}

/** Whether the `workflow_entity` rows `{ id, staticData }` hold every trigger's first state. */
export function watchersSaved(rows, triggers) {
  return [...triggers].every(([id, count]) => {
    const data = rows.find((row) => row.id === id)?.staticData;
    return typeof data === 'string' && data.split('"watcher"').length - 1 >= count;
  });
}

export const triggerCount = (workflow) => workflow.nodes.filter((node) => /Trigger$/.test(node.type)).length;

/**
 * Starts n8n for `marketplaces` against `sandbox`; resolves once every workflow is active.
 * `credentials` and `workflows` (n8n's import format, each workflow with its id) default to the demo's.
 */
export async function startN8n({
  bin,
  sandbox,
  marketplaces,
  port,
  log,
  verbose,
  credentials = demoCredentials(sandbox, marketplaces),
  workflows = marketplaces.map(autoReplyWorkflow),
}) {
  const n8nPort = await freePort(port);
  const brokerPort = await freePort(0);
  const env = n8nEnv(n8nPort, brokerPort);
  const ids = await prepare(bin, { credentials, workflows }, env, log);
  const triggers = new Map(ids.map((id, i) => [id, triggerCount(workflows[i])]));

  log(`n8n: starting on 127.0.0.1:${n8nPort} (task runner broker on ${brokerPort})`);
  const child = spawn(bin, ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const group = child.pid;
  // Whatever ends the demo, n8n and its runner end with it.
  const killGroup = (signal) => {
    try {
      process.kill(-group, signal);
      return true;
    } catch {
      return false;
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  let output = '';
  const relay = (chunk) => {
    const text = chunk.toString();
    output += text;
    for (const line of text.split('\n')) {
      if (verbose && line.trim() !== '') log(`[n8n] ${line}`);
    }
  };
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const origin = `http://127.0.0.1:${n8nPort}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const kill = setTimeout(() => killGroup('SIGKILL'), STOP_TIMEOUT_MS);
      killGroup('SIGTERM');
      await exited;
      clearTimeout(kill);
    }
    // The runner may outlive the main process by a moment.
    for (let i = 0; i < 50 && killGroup(0); i++) await sleep(100);
    killGroup('SIGKILL');
    process.off('exit', onExit);
  };

  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`n8n exited before it started:\n${output}`);
    }
    if (Date.now() - started > START_TIMEOUT_MS) {
      await stop();
      throw new Error(`n8n did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    const healthy = await fetch(`${origin}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy && triggersReady(triggers)) break;
    await sleep(250);
  }
  log(`n8n: up, ${ids.length} workflows active, after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    origin,
    workflowIds: ids,
    editorUrl: `${origin}/`,
    userFolder: N8N_USER_FOLDER,
    pid: child.pid,
    output: () => output,
    stop,
  };
}
