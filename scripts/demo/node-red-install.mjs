// Our nodes as a user gets them: packages/node-red packed to a tarball in .demo/, then installed
// with npm into .demo/node-red-user. A tarball already installed (same bytes) is not installed again.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
export const DEMO_DIR = join(ROOT, '.demo');
export const USER_DIR = join(DEMO_DIR, 'node-red-user');
const PACKAGE_DIR = join(ROOT, 'packages', 'node-red');
const MARK = join(USER_DIR, '.sellerchat-tarball.sha256');

function packTarball() {
  const packs = join(DEMO_DIR, 'pack');
  rmSync(packs, { recursive: true, force: true });
  mkdirSync(packs, { recursive: true });
  if (!existsSync(join(PACKAGE_DIR, 'dist', 'nodes', 'sellerchat-in.js'))) {
    throw new Error('packages/node-red/dist is missing: build first (npm run demo does)');
  }
  execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: PACKAGE_DIR, stdio: 'ignore' });
  const name = readdirSync(packs).find((file) => file.endsWith('.tgz'));
  if (!name) throw new Error('pnpm pack wrote no tarball');
  return join(packs, name);
}

/** Packs and installs node-red-contrib-sellerchat into the demo's userDir; returns the userDir. */
export function installNodes(log) {
  const tarball = packTarball();
  const digest = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  mkdirSync(USER_DIR, { recursive: true });
  const installed = existsSync(MARK) ? readFileSync(MARK, 'utf8').trim() : '';
  if (installed === digest && existsSync(join(USER_DIR, 'node_modules', 'node-red-contrib-sellerchat'))) {
    log('node-red-contrib-sellerchat: the packed tarball is already installed');
    return USER_DIR;
  }
  log('node-red-contrib-sellerchat: installing the packed tarball into .demo/node-red-user (npm)');
  writeFileSync(join(USER_DIR, 'package.json'), JSON.stringify({ name: 'sellerchat-demo', private: true }));
  execFileSync(
    'npm',
    ['install', tarball, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: USER_DIR, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  writeFileSync(MARK, `${digest}\n`);
  return USER_DIR;
}
