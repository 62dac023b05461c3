import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the sandbox's source, so a change there is tested without a rebuild.
    alias: { '@sellerchat/sandbox': new URL('../sandbox/src/index.ts', import.meta.url).pathname },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
