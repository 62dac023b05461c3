// A server the queue-mode test starts (Redis, PostgreSQL, n8n main, n8n worker) in a process group
// of its own, so stopping it also stops whatever it started (n8n's task runner), and nothing
// outlives the test: not a failed assertion, not a timeout, not an exception.
import { spawn } from 'node:child_process';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spawns `command` detached with its output kept (and, for `relay`, passed on line by line).
 * `stopSignal`: what asks it to stop (PostgreSQL's fast shutdown is SIGINT); after `stopTimeoutMs`
 * the group gets SIGKILL.
 */
export function startGroup(
  name,
  command,
  args,
  { env, uid, gid, stopSignal = 'SIGTERM', stopTimeoutMs = 30_000, relay },
) {
  const child = spawn(command, args, { env, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const group = child.pid;
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
  const keep = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (relay) for (const line of text.split('\n')) if (line.trim() !== '') relay(`[${name}] ${line}`);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', (error) => {
    output += `\n${name}: ${error.message}\n`;
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && group !== undefined) {
        const kill = setTimeout(() => killGroup('SIGKILL'), stopTimeoutMs);
        killGroup(stopSignal);
        await exited;
        clearTimeout(kill);
      }
      // Children (n8n's task runner) may outlive the leader by a moment.
      for (let i = 0; i < 50 && killGroup(0); i++) await sleep(100);
      killGroup('SIGKILL');
      process.off('exit', onExit);
    })();
    return stopping;
  };
  const running = () => child.exitCode === null && child.signalCode === null;
  return { name, pid: child.pid, output: () => output, exited, running, stop };
}

/**
 * Polls `ready()` every 250 ms until it holds; throws (with the server's output) when the server
 * exits first or `timeoutMs` passes.
 */
export async function waitUntil(server, ready, timeoutMs, what) {
  const started = Date.now();
  for (;;) {
    if (!server.running())
      throw new Error(`${server.name} exited before ${what}:\n${server.output().slice(-6000)}`);
    if (await ready()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `${server.name}: not ${what} within ${timeoutMs / 1000} s:\n${server.output().slice(-6000)}`,
      );
    }
    await sleep(250);
  }
}
