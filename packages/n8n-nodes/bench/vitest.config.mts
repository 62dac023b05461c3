import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // As the tests: the core's and the sandbox's sources, as the bundle does.
    alias: {
      '@sellerchat/core': new URL('../../core/src/index.ts', import.meta.url).pathname,
      // Before the bare name: a string alias also matches the names under it.
      '@sellerchat/sandbox/testing': new URL('../../sandbox/src/testing/index.ts', import.meta.url).pathname,
      '@sellerchat/sandbox': new URL('../../sandbox/src/index.ts', import.meta.url).pathname,
    },
  },
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
