import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the core's and the sandbox's sources, as the bundle does.
    alias: {
      '@sellerchat/core': new URL('../core/src/index.ts', import.meta.url).pathname,
      // Before the bare name: a string alias also matches the names under it.
      '@sellerchat/sandbox/testing': new URL('../sandbox/src/testing/index.ts', import.meta.url).pathname,
      '@sellerchat/sandbox': new URL('../sandbox/src/index.ts', import.meta.url).pathname,
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
