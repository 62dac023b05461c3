import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultResponse } from '../faults/fault-responses.js';
import type { MarketplaceModule, SandboxRequest, SandboxResponse } from '../types.js';
import { marketplaceError } from './error-shapes.js';
import type { Lifetime } from './lifetime.js';
import { readBody } from './read-body.js';
import type { SandboxCore } from './sandbox-core.js';
import { type SerializedResponse, serializeResponse, writeSerialized } from './write-response.js';

export interface MarketplaceRouteInput {
  core: SandboxCore;
  module: MarketplaceModule;
  lifetime: Lifetime;
  maxBodyBytes: number;
  origin: string;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One marketplace API request: body cap, faults, the module's handler, errors, change events. */
export async function routeMarketplace(input: MarketplaceRouteInput): Promise<void> {
  const { core, module, lifetime, req, res } = input;
  const method = (req.method ?? 'GET').toUpperCase();
  const basePath = `/${module.id}`;

  let body: Buffer;
  try {
    const read = await readBody(req, input.maxBodyBytes);
    if (read.tooLarge) {
      res.setHeader('connection', 'close');
      const message = `Request body of ${read.size} bytes is over the sandbox limit of ${input.maxBodyBytes} bytes`;
      writeSerialized(res, serializeResponse(marketplaceError(module, 413, message)));
      return;
    }
    body = read.body;
  } catch {
    res.destroy();
    return;
  }

  const request = buildRequest(input, method, basePath, body);
  const faults = core.faults.take(module.id, method, request.path);
  const latency = faults.reduce((sum, fault) => sum + (fault.kind === 'latency' ? fault.ms : 0), 0);
  if (latency > 0 && !(await lifetime.sleep(latency))) {
    res.destroy();
    return;
  }
  const decisive = faults.find((fault) => fault.kind !== 'latency');
  if (decisive?.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  const injected = decisive ? faultResponse(module, decisive) : undefined;
  if (injected) {
    writeSerialized(res, serializeResponse(injected));
    return;
  }

  const { serialized, ok } = await runHandler(module, request);
  if (lifetime.closed || res.destroyed) return;
  if (ok && !READ_METHODS.has(method)) {
    core.events.emit({ marketplace: module.id, source: 'api', what: `${method} ${request.path}` });
  }
  if (decisive?.kind === 'lost-response') {
    // The work is done and stored; only the answer is lost, as when a proxy drops the connection.
    req.socket.destroy();
    return;
  }
  if (decisive?.kind === 'truncated') {
    writeSerialized(res, serialized, serialized.body.subarray(0, Math.floor(serialized.body.length / 2)));
    return;
  }
  writeSerialized(res, serialized);
}

async function runHandler(
  module: MarketplaceModule,
  request: SandboxRequest,
): Promise<{ serialized: SerializedResponse; ok: boolean }> {
  let response: SandboxResponse;
  try {
    response = await module.handle(request);
    const serialized = serializeResponse(response);
    return { serialized, ok: serialized.status < 400 };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const serialized = serializeResponse(marketplaceError(module, 500, `Internal error: ${reason}`));
    return { serialized, ok: false };
  }
}

function buildRequest(
  input: MarketplaceRouteInput,
  method: string,
  basePath: string,
  body: Buffer,
): SandboxRequest {
  const { req, url } = input;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const target = req.url ?? '/';
  // The request target as sent (not re-encoded by URL), minus the marketplace's base path.
  const rawTarget = target.startsWith('/') ? target : `${url.pathname}${url.search}`;
  let rawPathAndQuery = rawTarget.slice(basePath.length);
  if (!rawPathAndQuery.startsWith('/')) rawPathAndQuery = `/${rawPathAndQuery}`;
  const host = headers.host ?? new URL(input.origin).host;
  return {
    method,
    path: url.pathname.slice(basePath.length) || '/',
    rawPathAndQuery,
    fullUrl: `http://${host}${rawTarget}`,
    query: url.searchParams,
    headers,
    rawBody: body,
  };
}
