import type { SandboxContext, SandboxRequest, SandboxResponse } from '../../types.js';
import type { YandexSettings } from './settings.js';
import type { YandexStore } from './store.js';

/** Everything an endpoint handler needs for one request that passed auth and limits. */
export interface Call {
  req: SandboxRequest;
  businessId: number;
  store: YandexStore;
  ctx: SandboxContext;
  settings: YandexSettings;
}

export type Handler = (call: Call) => SandboxResponse | Promise<SandboxResponse>;
