import type { BuyerAttachment } from '../types.js';

/** Attachment bytes kept in memory and served under /_sandbox/files/:id. */
export class FileStore {
  readonly #files = new Map<string, BuyerAttachment>();
  #counter = 0;

  constructor(private readonly origin: () => string) {}

  store(file: BuyerAttachment): { id: string; url: string } {
    this.#counter += 1;
    // A counter, not a random id: files stored while seeding must come out the same for one seed.
    const id = `f${this.#counter}`;
    this.#files.set(id, { name: file.name, mimeType: file.mimeType, data: Buffer.from(file.data) });
    return { id, url: `${this.origin()}/_sandbox/files/${id}` };
  }

  read(id: string): BuyerAttachment | undefined {
    return this.#files.get(id);
  }

  clear(): void {
    this.#files.clear();
    this.#counter = 0;
  }
}
