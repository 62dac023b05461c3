import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

const coreSource = fileURLToPath(new URL('../core/src/index.ts', import.meta.url));

/**
 * n8n `require()`s each file named in package.json's `n8n` block, and a community package may have
 * no runtime dependencies: so the core (and its lossless-json) is bundled, and only n8n-workflow
 * is left for n8n to provide. Code shared by the nodes goes into chunks of dist/ that they
 * require, so an n8n process holds one copy of it: one limiter per marketplace account for the
 * action node and both triggers together (n8n's lint forbids globalThis, the other way to share).
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
  // CommonJS chunks are tsup's experimental splitting; node-red-contrib-sellerchat ships the same way.
  splitting: true,
  treeshake: true,
  external: ['n8n-workflow'],
  noExternal: ['@sellerchat/core', 'lossless-json'],
  esbuildOptions(options) {
    // The core's source, not its dist: the bundle always holds the core this package was tested with.
    options.alias = { '@sellerchat/core': coreSource };
  },
});
