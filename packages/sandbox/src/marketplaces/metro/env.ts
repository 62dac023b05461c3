import type { SandboxContext } from '../../types.js';
import type { MetroSettings } from './settings.js';
import type { MetroStore } from './store.js';

/** What every endpoint handler gets besides the request. */
export interface MetroEnv {
  ctx: SandboxContext;
  store: MetroStore;
  settings: MetroSettings;
}
