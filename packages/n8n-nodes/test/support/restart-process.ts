// Starts restart-host.mjs in a process of its own, and kills it the way a crash does.
import { type ChildProcess, spawn } from 'node:child_process';

export interface RestartHost {
  pid: number;
  output(): string;
  /** SIGKILL: nothing is flushed. Resolves once the process has exited. */
  kill(): Promise<void>;
}

const HOST = new URL('./restart-host.mjs', import.meta.url).pathname;

export function startRestartHost(configFile: string): Promise<RestartHost> {
  const child: ChildProcess = spawn(process.execPath, [HOST, configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host did not start within 60 s:\n${log}`));
    }, 60_000);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with ${code}:\n${log}`));
    };
    child.on('exit', early);
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
    });
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      if (!log.includes('READY')) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({
        pid: child.pid!,
        output: () => log,
        kill: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          return exited;
        },
      });
    });
  });
}
