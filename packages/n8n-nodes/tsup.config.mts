import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

const coreSource = fileURLToPath(new URL('../core/src/index.ts', import.meta.url));

/**
 * n8n `require()`s each file named in package.json's `n8n` block, and a community package may have
 * no runtime dependencies: so every node and credential is one CommonJS file with the core (and
 * its lossless-json) bundled in, and only n8n-workflow left for n8n to provide.
 */
export default defineConfig({
  entry: {
    'credentials/SellerChatMetroApi.credentials': 'credentials/SellerChatMetroApi.credentials.ts',
    'credentials/SellerChatYandexApi.credentials': 'credentials/SellerChatYandexApi.credentials.ts',
    'credentials/SellerChatOzonApi.credentials': 'credentials/SellerChatOzonApi.credentials.ts',
    'credentials/SellerChatStoredenApi.credentials': 'credentials/SellerChatStoredenApi.credentials.ts',
    'nodes/SellerChat/SellerChat.node': 'nodes/SellerChat/SellerChat.node.ts',
    'nodes/SellerChatTrigger/SellerChatTrigger.node': 'nodes/SellerChatTrigger/SellerChatTrigger.node.ts',
    'nodes/SellerChatPushTrigger/SellerChatPushTrigger.node':
      'nodes/SellerChatPushTrigger/SellerChatPushTrigger.node.ts',
  },
  format: ['cjs'],
  outExtension: () => ({ js: '.js' }),
  target: 'node22',
  platform: 'node',
  clean: true,
  dts: false,
  sourcemap: false,
  splitting: false,
  treeshake: true,
  external: ['n8n-workflow'],
  noExternal: ['@sellerchat/core', 'lossless-json'],
  esbuildOptions(options) {
    // The core's source, not its dist: the bundle always holds the core this package was tested with.
    options.alias = { '@sellerchat/core': coreSource };
  },
});
