// What the end-to-end tests read from a running n8n over its REST API, as the editor does: the
// throwaway instance's owner is set up first (n8n answers only a signed-in user), then executions
// with the items each node put out.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';

const REQUEST_TIMEOUT_MS = 30_000;

/** Sets up the owner of a fresh n8n at `origin`; resolves to the session cookie. */
export async function setUpOwner(origin) {
  const res = await fetch(new URL('rest/owner/setup', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'owner@demo.invalid',
      firstName: 'Demo',
      lastName: 'Owner',
      password: 'Demo-owner-2026',
    }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (res.status !== 200) throw new Error(`n8n owner setup: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function getJson(origin, path, cookie) {
  const res = await fetch(new URL(path, origin), {
    headers: { cookie },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`n8n GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()).data;
}

/**
 * Every execution n8n keeps, with its run data parsed: `{ id, workflowId, mode, status, runData }`.
 * n8n stores run data in `flatted`'s format; the parser is n8n's own copy (`bin`: the n8n binary).
 */
export async function executions(origin, cookie, bin) {
  const { parse } = createRequire(realpathSync(bin))('flatted');
  // One page, n8n's largest: the tests run far fewer executions; more would be a finding in itself.
  const list = await getJson(origin, 'rest/executions?limit=100', cookie);
  if (list.results.length >= 100) throw new Error('n8n holds 100 executions or more: read them page by page');
  const found = [];
  for (const summary of list.results) {
    const execution = await getJson(origin, `rest/executions/${summary.id}`, cookie);
    const data = typeof execution.data === 'string' ? parse(execution.data) : execution.data;
    found.push({
      id: String(execution.id),
      workflowId: String(execution.workflowId),
      mode: execution.mode,
      status: execution.status,
      runData: data?.resultData?.runData ?? {},
      error: data?.resultData?.error,
    });
  }
  return found;
}

/** The JSON of every item `nodeName` put out in an execution's first output. */
export const outputItems = (execution, nodeName) =>
  (execution.runData[nodeName] ?? []).flatMap((run) => run.data?.main?.[0] ?? []).map((item) => item.json);
