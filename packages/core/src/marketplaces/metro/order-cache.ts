/**
 * Chat id → order id, so files can be uploaded to a chat's order without reading the chat each
 * time. Bounded: the oldest entry goes first once `max` chats are known.
 */
export class OrderCache {
  readonly #entries = new Map<string, string>();
  constructor(private readonly max = 1000) {}

  get(chatId: string): string | undefined {
    return this.#entries.get(chatId);
  }

  set(chatId: string, orderId: string | undefined): void {
    if (orderId === undefined) return;
    this.#entries.delete(chatId);
    this.#entries.set(chatId, orderId);
    while (this.#entries.size > this.max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
