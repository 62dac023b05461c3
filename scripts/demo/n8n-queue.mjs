// n8n in queue mode as a scaled install runs it: Redis between one main and one worker, both on one
// PostgreSQL database (n8n 2.41 only warns about SQLite in queue mode, "not officially supported",
// but gives SQLite no busy timeout, so two processes writing one file fail with SQLITE_BUSY; it
// also only warns that Debian 12's PostgreSQL 15 is older than the 17 it supports). The
// main polls and takes webhooks and puts each execution on the queue; the worker runs it. Both share
// one user folder, so both load n8n-nodes-sellerchat from where Community Nodes installs it, and
// one encryption key, so the worker can read the credentials the main's CLI import encrypted.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, freePort, n8nEnv, triggerCount, watchersSaved } from './n8n-host.mjs';
import { installN8nNodes } from './n8n-install.mjs';
import { startPostgres } from './postgres-server.mjs';
import { startGroup, waitUntil } from './process-group.mjs';
import { startRedis } from './redis-server.mjs';

const START_TIMEOUT_MS = 180_000;
const ok = (url) =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    (res) => res.ok,
    () => false,
  );

/**
 * Starts Redis, PostgreSQL, imports `credentials` and `workflows` (each published when its `active`
 * is true) with n8n's CLI, then runs the main and the worker; resolves once the worker is ready and
 * every trigger has saved its first state. `stop()` ends all four, also after a failed start.
 */
export async function startN8nQueue({ bin, credentials, workflows, log = () => {}, relay }) {
  const stack = [];
  const stopAll = async () => {
    // Reverse order: n8n before the Redis and database it uses.
    while (stack.length > 0)
      await stack
        .pop()()
        .catch(() => {});
  };
  try {
    const userFolder = mkdtempSync(join(tmpdir(), 'sellerchat-n8n-queue-'));
    stack.push(async () => rmSync(userFolder, { recursive: true, force: true }));
    const n8nDir = join(userFolder, '.n8n');
    mkdirSync(n8nDir, { recursive: true });
    installN8nNodes(n8nDir, log);

    const redis = await startRedis();
    stack.push(redis.stop);
    const postgres = await startPostgres();
    stack.push(postgres.stop);
    log(`redis on ${redis.port}, postgres on ${postgres.port}`);

    const queue = {
      N8N_USER_FOLDER: userFolder,
      N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: postgres.host,
      DB_POSTGRESDB_PORT: String(postgres.port),
      DB_POSTGRESDB_USER: postgres.user,
      DB_POSTGRESDB_DATABASE: postgres.database,
      EXECUTIONS_MODE: 'queue',
      QUEUE_BULL_REDIS_HOST: redis.host,
      QUEUE_BULL_REDIS_PORT: String(redis.port),
      // Manual runs from the editor go to the worker too, as n8n recommends for queue mode.
      OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
    };
    const [mainPort, mainBroker, workerPort, workerBroker] = await Promise.all([
      freePort(0),
      freePort(0),
      freePort(0),
      freePort(0),
    ]);
    const mainEnv = { ...n8nEnv(mainPort, mainBroker), ...queue };
    const workerEnv = {
      ...n8nEnv(workerPort, workerBroker),
      ...queue,
      QUEUE_HEALTH_CHECK_ACTIVE: 'true',
      QUEUE_HEALTH_CHECK_PORT: String(workerPort),
      N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
    };

    // The first CLI run also creates n8n's tables, so main and worker never race to migrate.
    const credentialsFile = join(userFolder, 'credentials.json');
    const workflowsFile = join(userFolder, 'workflows.json');
    log('n8n: importing the credentials and workflows (n8n CLI)');
    let cliStarted = Date.now();
    try {
      // In the clear only until n8n has encrypted it into its database.
      writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
      await cli(bin, ['import:credentials', `--input=${credentialsFile}`], mainEnv);
    } finally {
      rmSync(credentialsFile, { force: true });
    }
    writeFileSync(workflowsFile, JSON.stringify(workflows));
    // Not `--activeState=fromJson`: before the owner is set up, n8n 2.41's import may not publish
    // ("User attempted to activate a workflow without permissions"). One run per workflow, at once:
    // each is mostly n8n's own start-up, and PostgreSQL takes the writes side by side.
    await cli(bin, ['import:workflow', `--input=${workflowsFile}`], mainEnv);
    const published = workflows.filter((workflow) => workflow.active);
    await Promise.all(published.map(({ id }) => cli(bin, ['publish:workflow', `--id=${id}`], mainEnv)));
    const cliMs = Date.now() - cliStarted;

    cliStarted = Date.now();
    const main = startGroup('n8n main', bin, ['start'], { env: mainEnv, relay });
    stack.push(main.stop);
    const worker = startGroup('n8n worker', bin, ['worker'], { env: workerEnv, relay });
    stack.push(worker.stop);
    const origin = `http://127.0.0.1:${mainPort}`;
    const triggers = new Map(published.map((workflow) => [workflow.id, triggerCount(workflow)]));
    const readyRows = async () => {
      const out = await postgres.query(
        `SELECT coalesce(json_agg(json_build_object('id', id, 'staticData', "staticData"::text)), '[]') FROM workflow_entity`,
      );
      return JSON.parse(out);
    };
    await Promise.all([
      waitUntil(
        main,
        async () => (await ok(`${origin}/healthz`)) && watchersSaved(await readyRows(), triggers),
        START_TIMEOUT_MS,
        'serving with every trigger armed',
      ),
      waitUntil(
        worker,
        () => ok(`http://127.0.0.1:${workerPort}/healthz/readiness`),
        START_TIMEOUT_MS,
        'ready',
      ),
    ]);
    const startMs = Date.now() - cliStarted;
    log(
      `n8n: CLI import ${(cliMs / 1000).toFixed(1)} s, main and worker up ${(startMs / 1000).toFixed(1)} s later`,
    );
    return { origin, userFolder, main, worker, redis, postgres, timings: { cliMs, startMs }, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
