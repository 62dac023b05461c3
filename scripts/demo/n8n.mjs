// --host n8n: finds an n8n install (N8N_BIN, else `n8n` on PATH). The demo never installs n8n.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The n8n binary to run, or undefined when this machine has none. */
export function findN8n(env = process.env) {
  if (env.N8N_BIN) return executable(env.N8N_BIN) ? env.N8N_BIN : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'n8n'))) return join(dir, 'n8n');
  }
  return undefined;
}
