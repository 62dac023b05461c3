/**
 * Message ids shaped like the docs' examples (`5bbf092a16f46a0119e55a80`): 24 hex digits in
 * the layout of a MongoDB ObjectId — 4 bytes of Unix seconds, 5 bytes fixed per "process",
 * a 3-byte counter. Drawn from the seeded random numbers so one seed gives the same ids.
 */
export class StoredenIdGenerator {
  readonly #process: string;
  #counter: number;

  constructor(random: () => number) {
    let process = '';
    for (let index = 0; index < 10; index += 1) process += Math.floor(random() * 16).toString(16);
    this.#process = process;
    this.#counter = Math.floor(random() * 0xffffff);
  }

  next(ms: number): string {
    this.#counter = (this.#counter + 1) % 0x1000000;
    const seconds = Math.max(0, Math.floor(ms / 1000)) % 0x100000000;
    return `${seconds.toString(16).padStart(8, '0')}${this.#process}${this.#counter.toString(16).padStart(6, '0')}`;
  }
}
