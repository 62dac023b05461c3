import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const PACKAGE_DIR = new URL('..', import.meta.url).pathname;
const SCRIPT = join(PACKAGE_DIR, 'scripts', 'scorecard.mjs');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/scorecard.mjs', () => {
  it('passes every offline check on this package (P01, P03–P07, N01, N02, D01)', () => {
    const out = execFileSync(process.execPath, [SCRIPT], { cwd: PACKAGE_DIR, encoding: 'utf8' });
    for (const id of ['P01', 'P03', 'P04', 'P05', 'P06', 'P07', 'N01', 'N02', 'D01']) {
      expect(out).toMatch(new RegExp(`^✅ ${id} `, 'm'));
    }
    expect(out).not.toContain('❌');
  });

  it('fails engines.node ">=24" (P07), a missing example (N02) and a computed color (N01)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sellerchat-scorecard-'));
    temps.push(dir);
    const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, engines: { node: '>=24' } }));
    symlinkSync(join(PACKAGE_DIR, 'node_modules'), join(dir, 'node_modules'));
    cpSync(join(PACKAGE_DIR, 'dist'), join(dir, 'dist'), { recursive: true });
    const send = join(dir, 'dist', 'nodes', 'sellerchat-send.html');
    writeFileSync(send, readFileSync(send, 'utf8').replace("color: '#7DC4B8'", 'color: COLORS.send'));
    cpSync(join(PACKAGE_DIR, 'examples', 'auto-reply.json'), join(dir, 'examples', 'auto-reply.json'), {
      recursive: true,
    });
    const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^❌ P07 .*Node 22\.9\.0/m);
    expect(run.stdout).toMatch(/^❌ N02 no example uses .*sellerchat-upload/m);
    expect(run.stdout).toMatch(/^❌ N01 .*sellerchat-send: color is missing or not inline/m);
  });
});
