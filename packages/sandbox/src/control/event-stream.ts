import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ChangeEvent {
  /** What changed: a marketplace, or every marketplace (seed, reset). */
  marketplace?: string;
  chatId?: string;
  /** `api` for a seller-side request, `control` for the control API. */
  source: 'api' | 'control';
  what: string;
}

const HEARTBEAT_MS = 15_000;

/** Server-Sent Events to the buyer pages: "something changed, fetch again". */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();
  #heartbeat: NodeJS.Timeout | undefined;
  #sequence = 0;

  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // Tells EventSource how long to wait before reconnecting after a sandbox restart.
    res.write('retry: 1000\n\n');
    this.#clients.add(res);
    const drop = (): void => {
      this.#clients.delete(res);
      if (this.#clients.size === 0) this.#stopHeartbeat();
    };
    req.on('close', drop);
    res.on('error', drop);
    this.#startHeartbeat();
  }

  emit(event: ChangeEvent): void {
    this.#sequence += 1;
    const frame = `id: ${this.#sequence}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`;
    for (const client of this.#clients) client.write(frame);
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  close(): void {
    this.#stopHeartbeat();
    for (const client of this.#clients) client.destroy();
    this.#clients.clear();
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    // Comments keep proxies and idle timeouts from closing a quiet stream.
    this.#heartbeat = setInterval(() => {
      for (const client of this.#clients) client.write(': heartbeat\n\n');
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }
}
