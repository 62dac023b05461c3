import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

/**
 * n8n's own core nodes from n8n-nodes-base (a dev dependency), loaded the way n8n's package loader
 * does: each file named in the package's `n8n.nodes` list exports a class named after the file,
 * and the instance is registered as `n8n-nodes-base.<description.name>`. Only the classes the
 * example workflows use are required: the whole package pulls in drivers (kafka, oracledb, ...)
 * whose native builds pnpm does not run.
 */
const PACKAGE = 'n8n-nodes-base';
const USED = ['ScheduleTrigger', 'HttpRequest', 'Wait', 'If', 'SplitOut', 'StickyNote'] as const;

const require = createRequire(import.meta.url);
const root = dirname(require.resolve(`${PACKAGE}/package.json`));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };

function load(className: string): [string, INodeType | IVersionedNodeType] {
  const file = manifest.n8n.nodes.find((f) => basename(f, '.node.js') === className);
  if (!file) throw new Error(`${PACKAGE} lists no node file for ${className}`);
  const NodeClass = (require(join(root, file)) as Record<string, new () => INodeType | IVersionedNodeType>)[
    className
  ];
  if (!NodeClass) throw new Error(`${PACKAGE}/${file} exports no class ${className}`);
  const nodeType = new NodeClass();
  return [`${PACKAGE}.${nodeType.description.name}`, nodeType];
}

export const BASE_NODES: Record<string, INodeType | IVersionedNodeType> = Object.fromEntries(USED.map(load));
