// The one place this package reaches the core's watcher. The core's main entry does not export
// the watcher yet (it is being finished); until it does, this file imports the watcher's source
// directly, and tsup bundles it like the rest of the core. When `poll`, the push handlers and the
// state types are exported from '@sellerchat/core', only this file changes.
export { poll } from '../../../core/src/watcher/poll.js';
export type { FirstRun, WatcherOptions } from '../../../core/src/watcher/options.js';
export type { PushRequest, PushResponse, PushResult } from '../../../core/src/watcher/push-common.js';
export { handleOzonPush as handleOzonWatcherPush } from '../../../core/src/watcher/push-ozon.js';
export { handleYandexPush as handleYandexWatcherPush } from '../../../core/src/watcher/push-yandex.js';
export type { WatcherState } from '../../../core/src/watcher/state.js';
