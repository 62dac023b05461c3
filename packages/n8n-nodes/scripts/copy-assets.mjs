// Copies what tsup does not bundle into dist/: the icons and the codex files (*.node.json), at
// the same relative paths the compiled nodes point at (`file:../../icons/...`).
import { cpSync, globSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const files = [...globSync('icons/*.svg', { cwd: root }), ...globSync('nodes/**/*.node.json', { cwd: root })];
for (const file of files) {
  const target = join(root, 'dist', file);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, file), target);
}
