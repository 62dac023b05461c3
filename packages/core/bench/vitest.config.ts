import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@sellerchat/sandbox': new URL('../../sandbox/src/index.ts', import.meta.url).pathname },
  },
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
