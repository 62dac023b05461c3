import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INodeType } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { registerNodeType } from './harness/node-types.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
interface PackageJson {
  name: string;
  keywords: string[];
  license: string;
  files: string[];
  homepage: string;
  repository: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  scripts?: Record<string, string>;
  n8n: { n8nNodesApiVersion: number; strict: boolean; credentials: string[]; nodes: string[] };
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
const requireFromPackage = createRequire(join(root, 'package.json'));

describe('package.json, as the Community Nodes installer and the scanner read it', () => {
  it('is a community node package with no runtime dependencies and no lifecycle scripts', () => {
    expect(pkg.name).toBe('n8n-nodes-sellerchat');
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.license).toBe('MIT');
    expect(pkg.files).toEqual(['dist']);
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    for (const script of [
      'preinstall',
      'install',
      'postinstall',
      'prepare',
      'prepublish',
      'prepublishOnly',
    ]) {
      expect(pkg.scripts?.[script]).toBeUndefined();
    }
    expect(pkg.repository).toMatchObject({ type: 'git', directory: 'packages/n8n-nodes' });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
  });

  it('pins n8n-core and n8n-workflow to matching versions for the engine tests', () => {
    const core = JSON.parse(readFileSync(requireFromPackage.resolve('n8n-core/package.json'), 'utf8'));
    expect(core.dependencies['n8n-workflow']).toBe(pkg.devDependencies['n8n-workflow']);
    expect(core.version).toBe(pkg.devDependencies['n8n-core']);
  });
});

describe('the built package (run `pnpm build` first)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox(3);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const files: string[] = [...pkg.n8n.credentials, ...pkg.n8n.nodes];

  /** The file and every file of the package it requires, followed through the shared chunks. */
  function closure(path: string, seen = new Set<string>()): { files: Set<string>; modules: Set<string> } {
    const modules = new Set<string>();
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    for (const [, name] of source.matchAll(/require\(["']([^"']+)["']\)/g)) {
      if (!name!.startsWith('.')) modules.add(name!);
      else {
        const next = resolve(dirname(path), name!);
        expect(next.startsWith(join(root, 'dist')), `${name} stays inside dist`).toBe(true);
        if (!seen.has(next)) for (const m of closure(next, seen).modules) modules.add(m);
      }
    }
    return { files: seen, modules };
  }

  it.each(files)('%s loads with require(), as n8n loads it', (file) => {
    const path = join(root, file);
    expect(existsSync(path), `${file} is missing: run pnpm build`).toBe(true);
    const exported = requireFromPackage(path) as Record<
      string,
      new () => { name?: string; description?: { name: string } }
    >;
    const [className, Class] = Object.entries(exported)[0]!;
    expect(file).toContain(`/${className}.`);
    const instance = new Class();
    expect(instance.name ?? instance.description?.name).toMatch(/^sellerChat/);
    // Only n8n-workflow (and Node's crypto) may be required at runtime: the core is inside, in
    // chunks of dist/ that the nodes share.
    for (const name of closure(path).modules)
      expect(['n8n-workflow', 'crypto', 'node:crypto']).toContain(name);
  });

  it('the nodes share one copy of the core: one limiter per account for all three in a process', () => {
    const dist = join(root, 'dist');
    const registry = readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .filter((f) => readFileSync(join(dist, f), 'utf8').includes('function accountLimiter('));
    expect(registry, 'files holding the account limiter registry').toHaveLength(1);
    for (const node of pkg.n8n.nodes) {
      const path = join(root, node);
      expect(readFileSync(path, 'utf8')).not.toContain('function accountLimiter(');
      expect([...closure(path).files], node).toContain(join(dist, registry[0]!));
    }
  });

  it('the bundled action node runs in the real engine against the sandbox', async () => {
    const { SellerChat } = requireFromPackage(join(root, 'dist/nodes/SellerChat/SellerChat.node.js')) as {
      SellerChat: new () => INodeType;
    };
    registerNodeType('bundled.sellerChat', new SellerChat());
    const chatId = sandbox.control.threads('metro')[0]!.chatId;
    const { items, error } = await runNode({
      type: 'bundled.sellerChat',
      parameters: {
        marketplace: 'metro',
        resource: 'message',
        operation: 'send',
        chatId,
        text: 'from the bundle',
      },
      credentials: sandboxCredentials(sandbox, 'metro'),
    });
    expect(error).toBeUndefined();
    expect(items![0]!.json.chatId).toBe(chatId);
    expect(sandbox.control.thread('metro', chatId).at(-1)).toMatchObject({
      from: 'seller',
      text: 'from the bundle',
    });
  });
});
