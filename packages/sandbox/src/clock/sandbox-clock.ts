/** The sandbox's notion of now: a base clock plus an offset that tests shift to age chats. */
export class SandboxClock {
  #offsetMs = 0;

  constructor(private readonly base: () => number) {}

  now(): number {
    return this.base() + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  setOffset(offsetMs: number): void {
    this.#offsetMs = offsetMs;
  }
}
