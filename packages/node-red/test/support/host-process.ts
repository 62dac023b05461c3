// Starts and stops node-red-host.mjs, and talks to its admin API.
import { type ChildProcess, spawn } from 'node:child_process';

export interface Host {
  origin: string;
  pid: number;
  /** Everything the runtime printed (its log), for assertions and for debugging a failure. */
  output(): string;
  admin(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer ends it: nothing is flushed. Resolves once it has exited. */
  kill(): Promise<void>;
}

export interface HostOptions {
  nodeBinary?: string;
  /** Extra environment for the runtime, e.g. NODE_RED_FILE_CONTEXT_CACHE=off. */
  env?: Record<string, string>;
}

const HOST = new URL('./node-red-host.mjs', import.meta.url).pathname;

export function startHost(userDir: string, options: HostOptions = {}): Promise<Host> {
  const child: ChildProcess = spawn(options.nodeBinary ?? process.execPath, [HOST, userDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Node-RED did not start within 60 s:\n${log}`));
    }, 60_000);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`Node-RED exited with ${code}:\n${log}`));
    };
    child.on('exit', early);
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
    });
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const ready = /READY (\d+)/.exec(log);
      if (!ready) return;
      clearTimeout(timer);
      child.off('exit', early);
      const origin = `http://127.0.0.1:${ready[1]}`;
      resolve({
        origin,
        pid: child.pid!,
        output: () => log,
        admin: (path, init = {}) =>
          fetch(`${origin}/red${path}`, {
            method: init.method ?? 'GET',
            headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers },
            ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
        kill: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          return exited;
        },
      });
    });
  });
}

/** Full deploy through the admin API, credentials inline on the nodes (as the editor sends them). */
export async function deploy(host: Host, flows: unknown[]): Promise<void> {
  const res = await host.admin('/flows', {
    method: 'POST',
    body: flows,
    headers: { 'Node-RED-Deployment-Type': 'full' },
  });
  if (res.status !== 204) throw new Error(`deploy answered ${res.status}: ${await res.text()}`);
}
