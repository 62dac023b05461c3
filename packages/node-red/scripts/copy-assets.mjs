// Puts what Node-RED reads beside each node's .js into dist/nodes/: the editor .html (edit dialog),
// locales/en-US/<node>.html (help in the Info sidebar) and icons/.
import { cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'nodes');
const help = join(out, 'locales', 'en-US');
await mkdir(help, { recursive: true });

for (const name of await readdir(join(root, 'src', 'nodes'))) {
  const dir = join(root, 'src', 'nodes', name);
  await cp(join(dir, `${name}.html`), join(out, `${name}.html`));
  await cp(join(dir, 'help.html'), join(help, `${name}.html`));
}
await cp(join(root, 'icons'), join(out, 'icons'), { recursive: true });
