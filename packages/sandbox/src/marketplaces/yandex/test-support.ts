import { createFakeContext, type FakeContext } from '../../../test/contract/fake-context.js';
import type { SandboxRequest, SandboxResponse } from '../../types.js';
import { BUSINESS_ID, credentials } from './credentials.js';
import { createYandexModule, type YandexModule } from './index.js';

/** Test-only: build SandboxRequests the way the framework's server would hand them over. */
export interface YandexCall {
  method?: string;
  /** Below /v2/businesses/{businessId}, e.g. `/chats`. */
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  rawBody?: Buffer;
  contentType?: string | null;
  /** null sends no token; undefined sends the default communication token. */
  token?: string | null;
  headers?: Record<string, string>;
  businessId?: number;
}

export const TOKEN = credentials().default!.apiKey!;
export const READ_ONLY_TOKEN = credentials().readOnly!.apiKey!;
export const OTHER_TOKEN = credentials().otherBusiness!.apiKey!;

export function yandexRequest(call: YandexCall): SandboxRequest {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(call.query ?? {})) query.set(key, String(value));
  const path = `/v2/businesses/${call.businessId ?? BUSINESS_ID}${call.path}`;
  const search = query.toString();
  const rawPathAndQuery = search ? `${path}?${search}` : path;
  const headers: Record<string, string> = {};
  const token = call.token === undefined ? TOKEN : call.token;
  if (token !== null) headers['api-key'] = token;
  const method = call.method ?? 'POST';
  let rawBody = call.rawBody ?? Buffer.alloc(0);
  if (call.body !== undefined) rawBody = Buffer.from(JSON.stringify(call.body));
  const contentType =
    call.contentType === undefined ? (method === 'POST' ? 'application/json' : null) : call.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  Object.assign(headers, call.headers);
  return {
    method,
    path,
    rawPathAndQuery,
    fullUrl: `http://127.0.0.1:4010/yandex${rawPathAndQuery}`,
    query,
    headers,
    rawBody,
  };
}

/** A response body read loosely, as a test asserts on it. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes.
export type Json = any;

export interface YandexHarness extends FakeContext {
  module: YandexModule;
  send(call: YandexCall): Promise<SandboxResponse & { json: Json }>;
}

export function yandexHarness(seedCount = 8): YandexHarness {
  const fake = createFakeContext();
  const module = createYandexModule(fake.ctx);
  if (seedCount > 0) module.seed(seedCount);
  return {
    ...fake,
    module,
    send: async (call) => {
      const response = await module.handle(yandexRequest(call));
      return { ...response, json: response.body as Json };
    },
  };
}

/** A multipart/form-data body with one file part, as an HTTP client would send it. */
export async function multipartBody(
  field: string,
  name: string,
  data: Buffer,
  type = 'image/png',
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  form.set(field, new Blob([new Uint8Array(data)], { type }), name);
  const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}
