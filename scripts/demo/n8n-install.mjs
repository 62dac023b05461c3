// Our n8n nodes as a user gets them: packages/n8n-nodes packed to a tarball in .demo/, then
// installed with npm into <n8n user folder>/.n8n/nodes, the folder where n8n's Community Nodes
// install puts packages. n8n loads them at start with their package name as the type prefix
// (n8n-nodes-sellerchat.sellerChat), as in examples/n8n/, not the CUSTOM. prefix that
// N8N_CUSTOM_EXTENSIONS would give.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DIR } from './node-red-install.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const PACKAGE_DIR = join(ROOT, 'packages', 'n8n-nodes');
export const N8N_PACKAGE = 'n8n-nodes-sellerchat';

function packTarball() {
  const packs = join(DEMO_DIR, 'pack-n8n');
  rmSync(packs, { recursive: true, force: true });
  mkdirSync(packs, { recursive: true });
  if (!existsSync(join(PACKAGE_DIR, 'dist', 'nodes', 'SellerChat', 'SellerChat.node.js'))) {
    throw new Error('packages/n8n-nodes/dist is missing: build first (npm run demo does)');
  }
  execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: PACKAGE_DIR, stdio: 'ignore' });
  const name = readdirSync(packs).find((file) => file.endsWith('.tgz'));
  if (!name) throw new Error('pnpm pack wrote no tarball');
  return join(packs, name);
}

/** Packs n8n-nodes-sellerchat and installs it into `<n8nDir>/nodes` (n8nDir: the user folder's .n8n). */
export function installN8nNodes(n8nDir, log) {
  const tarball = packTarball();
  const nodesDir = join(n8nDir, 'nodes');
  mkdirSync(nodesDir, { recursive: true });
  log(`${N8N_PACKAGE}: installing the packed tarball into ${nodesDir} (npm)`);
  writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
  // n8n-workflow is a peer dependency that n8n itself provides: npm must not fetch a copy of it.
  execFileSync(
    'npm',
    [
      'install',
      tarball,
      '--omit=dev',
      '--omit=peer',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { cwd: nodesDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return nodesDir;
}
