// The core as this package bundles and tests it: its public entry, plus (TEMPORARILY) the
// watcher, which packages/core/src/index.ts does not export yet (it ends at "// Watcher").
// Once `poll`, `handleYandexPush`, `handleOzonPush` and their types come from the core's index,
// this file shrinks to its first line. tsup, vitest and tsconfig all point '@sellerchat/core' here.
export * from '../core/src/index.js';
export type { FirstRun, WatcherOptions } from '../core/src/watcher/options.js';
export { poll } from '../core/src/watcher/poll.js';
export type { PushOptions, PushRequest, PushResult } from '../core/src/watcher/push-common.js';
export { handleOzonPush } from '../core/src/watcher/push-ozon.js';
export { handleYandexPush } from '../core/src/watcher/push-yandex.js';
export type { WatcherState } from '../core/src/watcher/state.js';
