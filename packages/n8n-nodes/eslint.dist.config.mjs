// What n8n's community-package scanner (@n8n/scan-community-package, scanner/scanner.mjs
// buildScanConfig) runs over the published tarball: every JS and JSON file plus package.json,
// with inline eslint comments ignored (run with --no-inline-config). The plugins are the ones
// @n8n/node-cli ships, so this leg and `eslint .` use the same rule versions.
import { createRequire } from 'node:module';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { defineConfig } from 'eslint/config';

const fromNodeCli = createRequire(createRequire(import.meta.url).resolve('@n8n/node-cli/eslint'));
const tsParser = fromNodeCli('typescript-eslint').parser;
const n8nNodesPlugin = fromNodeCli('eslint-plugin-n8n-nodes-base');

export default defineConfig(
  { ignores: ['node_modules/**', 'eslint.config.mjs', 'eslint.dist.config.mjs'] },
  { files: ['dist/**/*.js', 'dist/**/*.json', 'package.json'] },
  n8nCommunityNodesPlugin.configs.recommended,
  { rules: { 'no-console': 'error' } },
  { plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
  { files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
  { files: ['**/*.json'], languageOptions: { parser: tsParser } },
);
