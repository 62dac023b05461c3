// The core's watcher, under the names this package uses for it: one place to look when the
// core's watcher API changes.
export {
  type FirstRun,
  handleOzonPush as handleOzonWatcherPush,
  handleYandexPush as handleYandexWatcherPush,
  type PushRequest,
  type PushResponse,
  type PushResult,
  poll,
  type WatcherOptions,
  type WatcherState,
} from '@sellerchat/core';
