import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'sellerchat-core-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

describe('the packed tarball', () => {
  it('installs with npm and resolves both entries from CJS and ESM', { timeout: 300_000 }, () => {
    expect(existsSync(join(root, 'dist/index.js')), 'dist is missing: run `pnpm exec tsup` first').toBe(true);
    run('pnpm', ['pack', '--pack-destination', scratch], root);
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const listing = run('tar', ['-tzf', join(scratch, tarball!)], scratch);
    expect(listing).toContain('package/README.md');
    expect(listing).toContain('package/dist/index.d.cts');
    expect(listing).not.toMatch(/package\/src\//);

    const app = join(scratch, 'app');
    run('mkdir', ['-p', app], scratch);
    run('npm', ['init', '-y'], app);
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, tarball!)], app);

    writeFileSync(
      join(app, 'check.cjs'),
      [
        "const core = require('@sellerchat/core');",
        "const node = require('@sellerchat/core/axios');",
        "if ([core.createHttpClient, core.createClient, core.poll, node.createAxiosTransport, node.createNodeClient].some((f) => typeof f !== 'function')) throw new Error('missing exports');",
        "console.log('cjs', core.MARKETPLACES.join(','), core.toIsoUtc('2018-10-11T10:26:18+0200'));",
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'check.mjs'),
      [
        "import { parseJson, path } from '@sellerchat/core';",
        "import { nodeRuntime } from '@sellerchat/core/axios';",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a script for the scratch app, not a template
        "console.log('esm', parseJson('{\"id\":3000000000817031942}').id, path`/chats/${'a/b'}`, typeof nodeRuntime.sleep);",
      ].join('\n'),
    );
    expect(run(process.execPath, ['check.cjs'], app).trim()).toBe(
      'cjs metro,yandex,ozon,storeden 2018-10-11T08:26:18.000Z',
    );
    expect(run(process.execPath, ['check.mjs'], app).trim()).toBe(
      'esm 3000000000817031942 /chats/a%2Fb function',
    );
    run(process.execPath, ['-e', "require('@sellerchat/core'); import('@sellerchat/core/axios')"], app);
  });
});
