import type { ModuleFactory } from '../server/sandbox-core.js';
import { createMetroModule } from './metro/index.js';
import { createOzonModule } from './ozon/index.js';
import { createStoredenModule } from './storeden/index.js';
import { createYandexModule } from './yandex/index.js';

/** Every marketplace the sandbox serves, each under /<id>, in the order the buyer page lists them. */
export const marketplaceModules: readonly ModuleFactory[] = [
  createMetroModule,
  createYandexModule,
  createOzonModule,
  createStoredenModule,
];
