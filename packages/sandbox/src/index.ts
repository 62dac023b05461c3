// Starting and stopping the sandbox

export { ControlError } from './control/control-error.js';
// The control handle (mirrors the /_sandbox HTTP API)
export type { BuyerAttachmentInput, MarketplaceInfo, SandboxControl } from './control/sandbox-control.js';
export type { FaultKind, FaultRecord, FaultSpec } from './faults/fault-types.js';
export { marketplaceModules } from './marketplaces/registry.js';
// Marketplace modules
export { createStoredenModule } from './marketplaces/storeden/index.js';
export { STOREDEN_CREDENTIALS } from './marketplaces/storeden/storeden-auth.js';
export type { PushConfig } from './push/push-engine.js';
export { RETRY_GAPS_SECONDS } from './push/retry-schedule.js';
export type { RunningSandbox, SandboxOptions } from './server/launch-sandbox.js';
export type { ModuleFactory } from './server/sandbox-core.js';
export { type StartSandboxOptions, startSandbox } from './start-sandbox.js';
// The module contract
export type * from './types.js';
