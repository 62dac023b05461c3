// Watches the sandbox's own HTTP server from inside the test or bench process: every answer it
// gives (status, marketplace, path, the moment the response was flushed) and, while asked to,
// every seller message a request stored. Counting at the sandbox sees what the marketplace would
// have seen, whatever the host under test believes it sent; it shares the sandbox's clock (same
// process, Date.now).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunningSandbox } from '../server/launch-sandbox.js';

export interface Answer {
  marketplace: string;
  method: string;
  path: string;
  status: number;
  /** ms since the epoch, when the response was flushed. */
  at: number;
}

/** The statuses a marketplace uses for "slow down": Ozon 429, Yandex 420, Storeden 509 (429 anywhere). */
export const RATE_LIMIT_STATUSES: ReadonlySet<number> = new Set([429, 420, 509]);

export class AnswerTap {
  readonly answers: Answer[] = [];
  /** Reply text → when the sandbox answered the request that stored it. */
  readonly replies = new Map<string, number>();
  #watching = new Set<string>();
  #known = new Map<string, Set<string>>();

  constructor(private readonly sb: RunningSandbox) {
    sb.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const marketplace = path.split('/')[1] ?? '';
      if (marketplace === '_sandbox') return;
      res.on('finish', () => {
        const at = Date.now();
        this.answers.push({ marketplace, method: req.method ?? '', path, status: res.statusCode, at });
        if (this.#watching.has(marketplace) && req.method !== 'GET' && res.statusCode < 300)
          this.#scan(marketplace, at);
      });
    });
  }

  /** Record each new seller message of `marketplace` with the time its request was answered. */
  watchReplies(marketplace: string): void {
    this.#known.set(marketplace, new Set(this.sb.control.sellerMessages(marketplace).map((m) => m.id)));
    this.#watching.add(marketplace);
  }

  stopWatching(marketplace: string): void {
    this.#watching.delete(marketplace);
  }

  #scan(marketplace: string, at: number): void {
    const known = this.#known.get(marketplace)!;
    for (const m of this.sb.control.sellerMessages(marketplace)) {
      if (known.has(m.id)) continue;
      known.add(m.id);
      this.replies.set(m.text, at);
    }
  }

  /** Answers of `marketplace` in [from, to], optionally only rate-limit ones. */
  count(marketplace: string, from: number, to: number, rateLimitedOnly = false): number {
    return this.answers.filter(
      (a) =>
        a.marketplace === marketplace &&
        a.at >= from &&
        a.at <= to &&
        (!rateLimitedOnly || RATE_LIMIT_STATUSES.has(a.status)),
    ).length;
  }

  /** Every rate-limit answer since `from`, per marketplace. */
  rateLimited(from: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const a of this.answers)
      if (a.at >= from && RATE_LIMIT_STATUSES.has(a.status))
        out[a.marketplace] = (out[a.marketplace] ?? 0) + 1;
    return out;
  }
}
