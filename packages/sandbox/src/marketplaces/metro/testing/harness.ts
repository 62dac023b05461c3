import { createMetroModule, type MetroModule } from '../index.js';
import { createTestContext, type TestContext } from './context.js';
import { type RequestSpec, signedRequest } from './signed-request.js';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON replies field by field
  body: any;
}

export interface Harness {
  ctx: TestContext;
  metro: MetroModule;
  call(spec: Omit<RequestSpec, 'nowMs'>): Promise<Reply>;
  get(path: string, query?: Array<[string, string]>, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, json: unknown, headers?: Record<string, string>): Promise<Reply>;
}

/** The module on a test clock, called through signed requests; bodies go through JSON as on the wire. */
export function metroHarness(seedCount = 0, randomSeed = 1): Harness {
  const ctx = createTestContext(randomSeed);
  const metro = createMetroModule(ctx);
  if (seedCount > 0) metro.seed(seedCount);
  const call = async (spec: Omit<RequestSpec, 'nowMs'>): Promise<Reply> => {
    const res = await metro.handle(signedRequest({ nowMs: ctx.now(), ...spec }));
    const text = res.rawBody !== undefined ? res.rawBody.toString() : JSON.stringify(res.body);
    return {
      status: res.status,
      headers: res.headers ?? {},
      body: text === undefined ? undefined : JSON.parse(text),
    };
  };
  return {
    ctx,
    metro,
    call,
    get: (path, query, headers) =>
      call({ method: 'GET', path, ...(query ? { query } : {}), ...(headers ? { headers } : {}) }),
    post: (path, json, headers) => call({ method: 'POST', path, json, ...(headers ? { headers } : {}) }),
  };
}
