import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The subpath first: a string alias also matches the names under it.
    alias: {
      '@sellerchat/sandbox/testing': new URL('../../sandbox/src/testing/index.ts', import.meta.url).pathname,
      '@sellerchat/sandbox': new URL('../../sandbox/src/index.ts', import.meta.url).pathname,
    },
  },
  test: {
    include: ['bench/**/*.bench.ts'],
    // One file at a time: throughput figures need the core to themselves.
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
