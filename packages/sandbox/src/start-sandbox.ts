import { marketplaceModules } from './marketplaces/registry.js';
import { launchSandbox, type RunningSandbox, type SandboxOptions } from './server/launch-sandbox.js';
import type { ModuleFactory } from './server/sandbox-core.js';

export interface StartSandboxOptions extends SandboxOptions {
  /** Serve only these modules (default: all four marketplaces). */
  modules?: readonly ModuleFactory[];
}

/** Starts the sandbox on 127.0.0.1 with every marketplace; `await sandbox.close()` when done. */
export function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  return launchSandbox({ ...options, modules: options.modules ?? marketplaceModules });
}
