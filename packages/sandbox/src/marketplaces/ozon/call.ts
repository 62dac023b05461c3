import type { SandboxContext, SandboxResponse } from '../../types.js';
import type { OzonKey } from './credentials.js';
import type { OzonSettings } from './settings.js';
import type { OzonStore } from './store.js';

/** Everything an endpoint needs for one authenticated request. */
export interface Call {
  body: Record<string, unknown>;
  key: OzonKey;
  store: OzonStore;
  ctx: SandboxContext;
  settings: OzonSettings;
}

export type Handler = (call: Call) => SandboxResponse;

export function ok(body: unknown): SandboxResponse {
  return { status: 200, body };
}
