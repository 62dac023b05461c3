import { defineConfig } from 'vitest/config';

const source = (path: string) => new URL(path, import.meta.url).pathname;

export default defineConfig({
  resolve: {
    // Tests run the core's and the sandbox's source, as the build bundles the core's source.
    alias: [
      { find: /^@sellerchat\/core\/axios$/, replacement: source('../core/src/axios/index.ts') },
      { find: /^@sellerchat\/core$/, replacement: source('../core/src/index.ts') },
      { find: /^@sellerchat\/sandbox\/testing$/, replacement: source('../sandbox/src/testing/index.ts') },
      { find: /^@sellerchat\/sandbox$/, replacement: source('../sandbox/src/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The Node-RED runtime is a process-wide singleton: every test file gets a process of its own.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
