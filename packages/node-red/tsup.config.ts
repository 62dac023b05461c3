import { defineConfig } from 'tsup';

const NODES = [
  'sellerchat-account',
  'sellerchat-in',
  'sellerchat-send',
  'sellerchat-upload',
  'sellerchat-mark-read',
  'sellerchat-list',
  'sellerchat-start-chat',
];

export default defineConfig({
  // Flat dist/nodes/: Node-RED looks for <name>.html, icons/ and locales/ beside each node's .js.
  entry: Object.fromEntries(NODES.map((name) => [`nodes/${name}`, `src/nodes/${name}/${name}.ts`])),
  format: ['cjs'],
  // One shared chunk holds the core and src/lib, so every node file sees the same classes
  // (errors checked with instanceof, the account's runtime) instead of a copy each.
  splitting: true,
  // `export default register` becomes `module.exports = register`, which Node-RED 4 and 5 both load.
  cjsInterop: true,
  // The core ships inside the package (no separate install, no version skew); axios and
  // lossless-json stay ordinary dependencies so npm can dedupe and patch them.
  noExternal: [/^@sellerchat\/core/],
  external: ['axios', 'lossless-json', 'node-red'],
  target: 'node18',
  platform: 'node',
  sourcemap: true,
  clean: true,
  dts: false,
  esbuildOptions(options) {
    // Bundle the core from its source, the same files the tests run, so the build needs no core
    // dist/ and tests and package cannot drift apart.
    options.alias = {
      '@sellerchat/core/axios': '../core/src/axios/index.ts',
      '@sellerchat/core': '../core/src/index.ts',
    };
  },
});
