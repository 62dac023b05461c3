import { defineConfig } from 'vitest/config';

const source = (path: string) => new URL(path, import.meta.url).pathname;

export default defineConfig({
  resolve: {
    // As the tests: the core's and the sandbox's sources, as the build bundles the core's source.
    alias: [
      { find: /^@sellerchat\/core\/axios$/, replacement: source('../../core/src/axios/index.ts') },
      { find: /^@sellerchat\/core$/, replacement: source('../../core/src/index.ts') },
      { find: /^@sellerchat\/sandbox\/testing$/, replacement: source('../../sandbox/src/testing/index.ts') },
      { find: /^@sellerchat\/sandbox$/, replacement: source('../../sandbox/src/index.ts') },
    ],
  },
  test: {
    include: ['bench/**/*.bench.ts'],
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
