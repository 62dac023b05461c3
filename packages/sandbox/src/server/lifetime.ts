/** Timers that die with the server: close() wakes every sleeper with `false`. */
export class Lifetime {
  readonly #sleepers = new Map<NodeJS.Timeout, (completed: boolean) => void>();
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  sleep(ms: number): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#sleepers.delete(timer);
        resolve(true);
      }, ms);
      this.#sleepers.set(timer, resolve);
    });
  }

  close(): void {
    this.#closed = true;
    for (const [timer, wake] of this.#sleepers) {
      clearTimeout(timer);
      wake(false);
    }
    this.#sleepers.clear();
  }
}
