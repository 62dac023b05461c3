import { createFakeContext, type FakeContext } from '../../../test/contract/fake-context.js';
import type { SandboxRequest, SandboxResponse } from '../../types.js';
import { credentials } from './credentials.js';
import { createOzonModule, type OzonModule } from './index.js';

/** Test-only: SandboxRequests shaped as the framework's server hands them over. */
export interface OzonCall {
  path: string;
  method?: string;
  /** An object is sent as JSON; a string is sent verbatim (for big-number and broken-JSON cases). */
  body?: unknown;
  /** null drops the header; undefined sends the working default. */
  clientId?: string | null;
  apiKey?: string | null;
}

export const CLIENT = credentials().default!;
export const READ_ONLY = credentials().readOnly!;

export function ozonRequest(call: OzonCall): SandboxRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const clientId = call.clientId === undefined ? CLIENT.clientId : call.clientId;
  const apiKey = call.apiKey === undefined ? CLIENT.apiKey : call.apiKey;
  if (clientId !== null && clientId !== undefined) headers['client-id'] = clientId;
  if (apiKey !== null && apiKey !== undefined) headers['api-key'] = apiKey;
  const text =
    typeof call.body === 'string' ? call.body : call.body === undefined ? '' : JSON.stringify(call.body);
  return {
    method: call.method ?? 'POST',
    path: call.path,
    rawPathAndQuery: call.path,
    fullUrl: `http://127.0.0.1:4010/ozon${call.path}`,
    query: new URLSearchParams(),
    headers,
    rawBody: Buffer.from(text),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes.
export type Json = any;

export interface OzonHarness extends FakeContext {
  module: OzonModule;
  send(call: OzonCall): Promise<SandboxResponse & { json: Json }>;
  /** chat_id of the first seeded chat matching the predicate on its thread summary. */
  chatWhere(predicate: (context: Record<string, string>, status: string) => boolean): string;
}

export function ozonHarness(seedCount = 8): OzonHarness {
  const fake = createFakeContext();
  const module = createOzonModule(fake.ctx);
  if (seedCount > 0) module.seed(seedCount);
  return {
    ...fake,
    module,
    send: async (call) => {
      const response = await module.handle(ozonRequest(call));
      return { ...response, json: response.body as Json };
    },
    chatWhere: (predicate) => {
      const found = module.listThreads().find((t) => predicate(t.context ?? {}, t.status));
      if (!found) throw new Error('no seeded Ozon chat matches');
      return found.chatId;
    },
  };
}
