import { SandboxClock } from '../clock/sandbox-clock.js';
import { createSeededRandom, deriveSeed } from '../clock/seeded-random.js';
import { EventStream } from '../control/event-stream.js';
import { FaultStore } from '../faults/fault-store.js';
import { FileStore } from '../files/file-store.js';
import { PushEngine } from '../push/push-engine.js';
import type { MarketplaceId, MarketplaceModule, SandboxContext } from '../types.js';

export type ModuleFactory = (ctx: SandboxContext) => MarketplaceModule;

export interface CoreOptions {
  seed: number;
  chats: number;
  now: () => number;
  pushRetryScale: number;
  origin: () => string;
}

interface ModuleEntry {
  module: MarketplaceModule;
  reseed(seed: number): void;
}

/** The state every part of the sandbox shares: modules, clock, files, faults, push, events. */
export class SandboxCore {
  readonly clock: SandboxClock;
  readonly files: FileStore;
  readonly faults = new FaultStore();
  readonly events = new EventStream();
  readonly push: PushEngine;
  readonly #modules = new Map<MarketplaceId, ModuleEntry>();
  #seed: number;
  #chats: number;

  constructor(
    factories: readonly ModuleFactory[],
    private readonly options: CoreOptions,
  ) {
    this.clock = new SandboxClock(options.now);
    this.files = new FileStore(options.origin);
    this.push = new PushEngine({ retryScale: options.pushRetryScale, now: () => this.clock.now() });
    this.#seed = options.seed;
    this.#chats = options.chats;
    for (const factory of factories) {
      let random = createSeededRandom(0);
      let moduleId: MarketplaceId | undefined;
      const ctx: SandboxContext = {
        now: () => this.clock.now(),
        random: () => random(),
        origin: () => options.origin(),
        storeFile: (file) => this.files.store(file),
        readFile: (id) => this.files.read(id),
        push: (notification) => {
          if (moduleId) this.push.push(moduleId, notification);
        },
      };
      const module = factory(ctx);
      moduleId = module.id;
      if (this.#modules.has(module.id)) throw new Error(`Two sandbox modules claim the id "${module.id}"`);
      this.#modules.set(module.id, {
        module,
        reseed: (seed) => {
          random = createSeededRandom(deriveSeed(seed, module.id));
        },
      });
    }
    this.seed(options.seed, options.chats);
  }

  get ids(): MarketplaceId[] {
    return [...this.#modules.keys()];
  }

  get currentSeed(): { seed: number; chats: number } {
    return { seed: this.#seed, chats: this.#chats };
  }

  find(id: string): MarketplaceModule | undefined {
    return this.#modules.get(id as MarketplaceId)?.module;
  }

  /** Replace every marketplace's data with `chats` deterministic chats drawn from `seed`. */
  seed(seed: number, chats: number): void {
    this.#seed = seed;
    this.#chats = chats;
    this.files.clear();
    for (const entry of this.#modules.values()) {
      entry.reseed(seed);
      entry.module.seed(chats);
    }
  }

  /** Back to the state right after start: default settings, the start seed, no faults, no push. */
  reset(): void {
    this.faults.clear();
    this.push.reset();
    this.clock.setOffset(0);
    for (const entry of this.#modules.values()) entry.module.reset();
    this.seed(this.options.seed, this.options.chats);
  }
}
