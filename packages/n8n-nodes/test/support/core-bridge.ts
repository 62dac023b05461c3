// TEMPORARY: the core's main entry does not export the watcher yet (packages/core/src/index.ts ends
// at "// Watcher"). Tests reach it through this file until the lead adds the exports; the build
// has no such bridge, so it fails until then. Delete this file and its alias in vitest.config.mts
// once `poll`, `handleYandexPush`, `handleOzonPush` and their types come from '@sellerchat/core'.
export * from '../../../core/src/index.js';
export type { FirstRun, WatcherOptions } from '../../../core/src/watcher/options.js';
export { poll } from '../../../core/src/watcher/poll.js';
export type { PushOptions, PushRequest, PushResult } from '../../../core/src/watcher/push-common.js';
export { handleOzonPush } from '../../../core/src/watcher/push-ozon.js';
export { handleYandexPush } from '../../../core/src/watcher/push-yandex.js';
export type { WatcherState } from '../../../core/src/watcher/state.js';
