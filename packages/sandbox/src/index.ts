// Starting and stopping the sandbox
export { type StartSandboxOptions, startSandbox } from './start-sandbox.js';
export type { RunningSandbox, SandboxOptions } from './server/launch-sandbox.js';
export type { ModuleFactory } from './server/sandbox-core.js';
export { marketplaceModules } from './marketplaces/registry.js';

// The control handle (mirrors the /_sandbox HTTP API)
export type { BuyerAttachmentInput, MarketplaceInfo, SandboxControl } from './control/sandbox-control.js';
export { ControlError } from './control/control-error.js';
export type { FaultKind, FaultRecord, FaultSpec } from './faults/fault-types.js';
export type { PushConfig } from './push/push-engine.js';
export { RETRY_GAPS_SECONDS } from './push/retry-schedule.js';

// The module contract
export type * from './types.js';

// Marketplace modules
export { createStoredenModule } from './marketplaces/storeden/index.js';
export { STOREDEN_CREDENTIALS } from './marketplaces/storeden/storeden-auth.js';
