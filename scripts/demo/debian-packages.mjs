// Servers the queue-mode test needs from Debian (redis-server, postgresql). A fresh CI machine is
// Debian, runs the tests as root and reaches Debian's package mirror: there they are installed
// with apt-get when missing. Anywhere else a missing one fails the test with what to install,
// rather than skipping it.
import { execFileSync } from 'node:child_process';

const APT_TIMEOUT_MS = 300_000;
let updated = false;

/**
 * `wanted`: Debian package name → function telling whether it is usable already. Installs the
 * missing ones in one apt-get run (after one `apt-get update` per process).
 */
export function ensureDebianPackages(wanted, log = () => {}) {
  const missing = Object.entries(wanted)
    .filter(([, present]) => !present())
    .map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `this test needs Debian's ${missing.join(' and ')}: install ${missing.length > 1 ? 'them' : 'it'} (apt-get install ${missing.join(' ')}) or run as root on Debian, where the test installs ${missing.length > 1 ? 'them' : 'it'}`,
    );
  }
  const apt = (args) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: APT_TIMEOUT_MS,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    if (!updated) {
      log('apt-get update');
      apt(['update']);
      updated = true;
    }
    log(`apt-get install ${missing.join(' ')}`);
    apt(['install', '-y', '--no-install-recommends', ...missing]);
  } catch (error) {
    throw new Error(
      `could not install ${missing.join(' ')} with apt-get: ${error.stderr?.toString() || error.message}`,
    );
  }
  const still = missing.filter((name) => !wanted[name]());
  if (still.length > 0) throw new Error(`apt-get installed ${still.join(', ')}, but it is still not usable`);
}
