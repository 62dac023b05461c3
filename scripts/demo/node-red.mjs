// Starts the embedded Node-RED (node-red-host.mjs) as a child process and talks to its admin API.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const HOST = new URL('./node-red-host.mjs', import.meta.url).pathname;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/** Node-RED on `port` (0 = any free) with `userDir`; the flows of an earlier run are dropped first. */
export function startNodeRed(userDir, port, log, logLevel = 'error') {
  // The demo deploys its own flows against this run's sandbox: last run's would poll a dead port.
  for (const file of ['flows.json', 'flows_cred.json', '.flows.json.backup', '.flows_cred.json.backup']) {
    rmSync(join(userDir, file), { force: true });
  }
  const child = spawn(process.execPath, [HOST, userDir, String(port), logLevel], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const relay = (chunk) => {
    const text = chunk.toString();
    output += text;
    for (const line of text.split('\n')) {
      if (line.trim() !== '' && !line.startsWith('READY ')) log(`[node-red] ${line}`);
    }
  };
  child.stderr.on('data', relay);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Node-RED did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    const failed = (code) => {
      clearTimeout(timer);
      reject(new Error(`Node-RED exited with ${code} before it started:\n${output}`));
    };
    child.once('exit', failed);
    child.stdout.on('data', (chunk) => {
      relay(chunk);
      const ready = /READY (\d+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      child.off('exit', failed);
      child.stdout.removeAllListeners('data');
      child.stdout.on('data', relay);
      const origin = `http://127.0.0.1:${ready[1]}`;
      resolve({
        origin,
        editorUrl: `${origin}/red/`,
        httpNodeRoot: `${origin}/api`,
        pid: child.pid,
        admin: (path, init = {}) =>
          fetch(`${origin}/red${path}`, {
            method: init.method ?? 'GET',
            headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers },
            ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          }),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
            child.kill('SIGTERM');
            await exited;
            clearTimeout(kill);
          }
        },
      });
    });
  });
}

/** Full deploy through the admin API, credentials inline on the nodes as the editor sends them. */
export async function deployFlows(nodeRed, flows) {
  const res = await nodeRed.admin('/flows', {
    method: 'POST',
    body: flows,
    headers: { 'Node-RED-Deployment-Type': 'full' },
  });
  if (res.status !== 204) throw new Error(`Node-RED refused the flows (${res.status}): ${await res.text()}`);
}

/** Resolves once every trigger has saved its first state ("now"), so no later buyer message is missed. */
export async function triggersReady(nodeRed, triggerIds, timeoutMs = 30_000) {
  const started = Date.now();
  for (const id of triggerIds) {
    for (;;) {
      const res = await nodeRed.admin(`/context/node/${id}`);
      const body = res.ok ? await res.json() : {};
      if (Object.values(body).some((store) => store?.['sellerchat-watcher'])) break;
      if (Date.now() - started > timeoutMs)
        throw new Error(`trigger ${id} saved no state within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
