// Packs the package as `pnpm publish` would and installs the tarball with npm into a fresh
// Node-RED userDir, the way the palette manager installs it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PACKAGE_DIR = new URL('../..', import.meta.url).pathname;
export const PACKAGE_NAME = 'node-red-contrib-sellerchat';

export interface PackedInstall {
  work: string;
  tarball: string;
  userDir: string;
  remove(): void;
}

export function installPacked(): PackedInstall {
  if (!existsSync(join(PACKAGE_DIR, 'dist', 'nodes', 'sellerchat-in.js'))) {
    throw new Error(
      'dist/ is missing: run `pnpm build` in packages/node-red first (turbo does it before test)',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'sellerchat-nr-'));
  execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: PACKAGE_DIR, stdio: 'ignore' });
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  const userDir = join(work, 'userdir');
  mkdirSync(userDir);
  writeFileSync(join(userDir, 'package.json'), JSON.stringify({ name: 'nr-userdir', private: true }));
  execFileSync(
    'npm',
    ['install', tarball, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: userDir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { work, tarball, userDir, remove: () => rmSync(work, { recursive: true, force: true }) };
}
