import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxControl } from '../control/sandbox-control.js';
import type { MarketplaceId } from '../types.js';
import { answerClientErrors } from './client-errors.js';
import { Lifetime } from './lifetime.js';
import { routeRequest } from './request-router.js';
import { type ModuleFactory, SandboxCore } from './sandbox-core.js';
import { writeJson } from './write-response.js';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the sandbox is for this machine only. */
  host?: string;
  /** Seed of the generated chats; the same seed gives the same chats. Default 1. */
  seed?: number;
  /** Chats generated per marketplace. Default 5. */
  chats?: number;
  /** The base clock in ms since the epoch (the control API shifts it). Default Date.now. */
  now?: () => number;
  /** Largest request body accepted, in bytes. Default 12 MB. */
  maxBodyBytes?: number;
  /** Multiplies push retry gaps (1 = the marketplaces' real minutes). Default 0.01. */
  pushRetryScale?: number;
}

export interface LaunchOptions extends SandboxOptions {
  /** The marketplace modules to serve, each under /<its id>. */
  modules: readonly ModuleFactory[];
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  host: string;
  /** Base URL per marketplace, e.g. { storeden: 'http://127.0.0.1:4010/storeden' }. */
  baseUrls: Partial<Record<MarketplaceId, string>>;
  buyerPageUrl: string;
  control: SandboxControl;
  server: Server;
  /** Stops listening, drops every connection, cancels push retries and timers. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 12 * 1024 * 1024;

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`sandbox option ${name} must be an integer from ${min} to ${max} (got ${value})`);
  }
  return value;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Starts the sandbox with an explicit module list (startSandbox passes the four marketplaces). */
export async function launchSandbox(options: LaunchOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const port = checkInteger('port', options.port ?? 0, 0, 65_535);
  const seed = checkInteger('seed', options.seed ?? 1, 0, 2 ** 32 - 1);
  const chats = checkInteger('chats', options.chats ?? 5, 0, 100_000);
  const maxBodyBytes = checkInteger('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY, 1, 2 ** 31);
  const pushRetryScale = options.pushRetryScale ?? 0.01;
  if (!(pushRetryScale >= 0 && pushRetryScale <= 1)) {
    throw new RangeError(`sandbox option pushRetryScale must be from 0 to 1 (got ${pushRetryScale})`);
  }

  let origin = '';
  let router:
    | ((req: Parameters<typeof routeRequest>[1], res: Parameters<typeof routeRequest>[2]) => void)
    | undefined;
  const server = createServer({ keepAliveTimeout: 5_000 });
  const dropDraining = answerClientErrors(server);
  server.on('request', (req, res) => {
    if (!router) {
      req.resume();
      writeJson(res, 503, { error: { code: 'starting', message: 'The sandbox is starting' } });
      return;
    }
    router(req, res);
  });
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  let core: SandboxCore;
  try {
    core = new SandboxCore(options.modules, {
      seed,
      chats,
      now: options.now ?? Date.now,
      pushRetryScale,
      origin: () => origin,
    });
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  }
  const control = new SandboxControl(core, () => origin);
  const lifetime = new Lifetime();
  const deps = { core, control, lifetime, maxBodyBytes, origin: () => origin };
  router = (req, res) => {
    routeRequest(deps, req, res).catch((error: unknown) => {
      // Last line of defence: whatever went wrong, answer (or drop the socket) and stay up.
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      writeJson(res, 500, {
        error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
      });
    });
  };

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    port: address.port,
    host,
    baseUrls: Object.fromEntries(core.ids.map((id) => [id, `${origin}/${id}`])),
    buyerPageUrl: `${origin}/_sandbox/ui`,
    control,
    server,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        lifetime.close();
        core.push.close();
        core.events.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        dropDraining();
      });
      return closing;
    },
  };
}
