import { defineConfig } from 'tsup';

export default defineConfig({
  // testing: the second public entry (@sellerchat/sandbox/testing), for tests and benches of flows on the sandbox.
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node22',
  platform: 'node',
});
