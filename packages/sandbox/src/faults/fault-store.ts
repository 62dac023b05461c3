import type { MarketplaceId } from '../types.js';
import type { FaultRecord, FaultSpec } from './fault-types.js';

function globMatches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return pattern === path;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/** Active faults, in the order they were added. */
export class FaultStore {
  #faults: FaultRecord[] = [];
  #counter = 0;

  add(spec: FaultSpec): FaultRecord {
    this.#counter += 1;
    const record: FaultRecord = { ...spec, id: `fault-${this.#counter}`, applied: 0 };
    this.#faults.push(record);
    return record;
  }

  list(): FaultRecord[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#faults = [];
  }

  /**
   * The faults to apply to one request: every matching latency, then at most one fault that
   * decides the outcome (the first added). Each returned fault counts one use toward `times`.
   */
  take(marketplace: MarketplaceId, method: string, path: string): FaultRecord[] {
    const chosen: FaultRecord[] = [];
    let decided = false;
    for (const fault of this.#faults) {
      if (fault.marketplace !== undefined && fault.marketplace !== marketplace) continue;
      if (fault.method !== undefined && fault.method !== method.toUpperCase()) continue;
      if (fault.path !== undefined && !globMatches(fault.path, path)) continue;
      if (fault.kind !== 'latency') {
        if (decided) continue;
        decided = true;
      }
      chosen.push(fault);
    }
    for (const fault of chosen) fault.applied += 1;
    this.#faults = this.#faults.filter((fault) => fault.times === undefined || fault.applied < fault.times);
    return chosen.map((fault) => ({ ...fault }));
  }
}
