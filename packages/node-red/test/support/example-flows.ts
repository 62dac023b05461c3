// Loads the repository's example flows (examples/node-red/*.json) as a user imports them, and
// points them at the sandbox and at local stand-ins the way a user fills in the nodes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { MarketplaceId } from '@sellerchat/core';
import { type RunningSandbox, sandboxCredentials } from './sandbox.js';

export type FlowNode = Record<string, unknown> & { id: string; type: string; name?: string };

const require = createRequire(import.meta.url);
const nodeRedDir = dirname(require.resolve('node-red/package.json'));

/** Node-RED's own core nodes the examples use (the helper adds catch itself), from the installed runtime. */
export function coreNodes(): unknown[] {
  const files = [
    'common/20-inject.js',
    'common/21-debug.js',
    'function/10-function.js',
    'function/15-change.js',
    'network/21-httpin.js',
    'network/21-httprequest.js',
  ];
  return files.map((file) =>
    require(require.resolve(`@node-red/nodes/core/${file}`, { paths: [nodeRedDir] })),
  );
}

export function loadExample(file: string): FlowNode[] {
  const url = new URL(`../../../../examples/node-red/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as FlowNode[];
}

export function nodeNamed(flow: FlowNode[], name: string): FlowNode {
  const found = flow.find((n) => n.name === name);
  if (!found) throw new Error(`the example has no node named "${name}"`);
  return found;
}

/**
 * What a user changes after the import: each account's sandbox address (its credentials go in
 * the credentials map) and the URL of the named http request nodes. Nothing else is touched.
 */
export function configure(
  flow: FlowNode[],
  sb: RunningSandbox,
  urls: Record<string, string> = {},
): { flow: FlowNode[]; credentials: Record<string, unknown> } {
  const credentials: Record<string, unknown> = {};
  const configured = flow.map((node) => {
    if (node.type === 'sellerchat-account') {
      credentials[node.id] = sandboxCredentials(sb, node.marketplace as MarketplaceId);
      return { ...node, baseUrl: sb.url };
    }
    if (node.type === 'http request' && node.name !== undefined && node.name in urls) {
      return { ...node, url: urls[node.name] };
    }
    return node;
  });
  const unused = Object.keys(urls).filter((name) => !flow.some((n) => n.name === name));
  if (unused.length > 0) throw new Error(`no http request node named ${unused.join(', ')}`);
  return { flow: configured, credentials };
}

export function accountOf(flow: FlowNode[], marketplace: MarketplaceId): FlowNode {
  const found = flow.find((n) => n.type === 'sellerchat-account' && n.marketplace === marketplace);
  if (!found) throw new Error(`the example has no ${marketplace} account`);
  return found;
}
