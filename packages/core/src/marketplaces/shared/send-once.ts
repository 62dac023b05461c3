import { isSellerChatError } from '../../errors/errors.js';
import type { Runtime } from '../../http/clock.js';
import { isTransportFailure } from '../../http/transport.js';
import type { MarketplaceId } from '../../model/marketplace.js';
import type { Message } from '../../model/message.js';

export interface SendOnceOptions<R> {
  marketplace: MarketplaceId;
  operation: string;
  send: () => Promise<R>;
  /** Reads the newest messages of the chat and returns the seller message that matches what we sent, if any. */
  findDelivered: (sentAfterIso: string) => Promise<Message | undefined>;
  runtime: Runtime;
  /** Marketplace clock offset (ms, server minus local) learned from response Date headers, if known. */
  clockOffsetMs?: () => number | undefined;
  maxAttempts?: number; // default 3
}

/**
 * How far before the first attempt a delivered message may be stamped. Marketplace clocks and
 * our offset estimate (Date headers have one-second resolution) are both a little off, and a
 * message stamped slightly "early" must still be found, or we would post it twice.
 */
export const SEND_ONCE_MARGIN_MS = 5_000;

/** Transport failures that happen before a single byte reaches the server: safe to send again. */
const NEVER_SENT = new Set(['refused', 'dns']);

/**
 * True when a send failed in a way that leaves open whether the marketplace stored the message:
 * the connection broke after the request went out, the response never came, or a gateway answered
 * 5xx with no body of the marketplace's own. Switches on `kind`, not classes, because errors cross
 * bundle boundaries (n8n bundles its own core copy).
 */
export function isAmbiguousFailure(err: unknown): boolean {
  if (!isSellerChatError(err)) return false;
  switch (err.kind) {
    case 'timeout':
      return true;
    case 'network': {
      const cause = (err as Error).cause;
      return !(isTransportFailure(cause) && NEVER_SENT.has(cause.kind));
    }
    case 'marketplace':
      return (
        err.status !== undefined &&
        err.status >= 500 &&
        err.code === undefined &&
        err.marketplaceMessage === undefined
      );
    default:
      return false;
  }
}

/**
 * True when the send may have been stored, or may still be, whatever the history shows now: the
 * marketplace can still be working on a request we stopped waiting for (a timeout), and a 2xx
 * whose body did not parse was performed. The history is looked at, but the send is never tried
 * again after these: a message that has not arrived yet would arrive twice.
 */
export function mayStillArrive(err: unknown): boolean {
  if (!isSellerChatError(err)) return false;
  if (err.kind === 'timeout') return true;
  return err.kind === 'marketplace' && err.status !== undefined && err.status >= 200 && err.status < 300;
}

/**
 * Sends at most once as far as the marketplace's history can tell. After an ambiguous failure it
 * looks for the message in the chat before trying again, so a lost response never becomes a
 * second post; after one that may still arrive it only looks. The pipeline repeats a send only
 * after a rate-limit refusal (the marketplace took nothing), so after an ambiguous failure this is
 * the only retry a send gets; a refusal that outlasts the pipeline's attempts is not ambiguous and
 * is thrown as it is.
 */
export async function sendOnce<R>(o: SendOnceOptions<R>): Promise<R | { delivered: Message }> {
  const maxAttempts = Math.max(1, o.maxAttempts ?? 3);
  const startedLocalMs = o.runtime.clock.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.send();
    } catch (err) {
      const pending = mayStillArrive(err);
      if (!pending && !isAmbiguousFailure(err)) throw err;
      // The offset is read now, not at the start: the failed attempt may be what taught it.
      const sentAfterIso = new Date(
        startedLocalMs + (o.clockOffsetMs?.() ?? 0) - SEND_ONCE_MARGIN_MS,
      ).toISOString();
      let delivered: Message | undefined;
      try {
        delivered = await o.findDelivered(sentAfterIso);
      } catch {
        // Unable to check: sending again could post twice, so report the original failure.
        throw err;
      }
      if (delivered) return { delivered };
      if (pending || attempt >= maxAttempts) throw err;
    }
  }
}

/** Text and attachment names equal, sent by the seller at or after the instant: what findDelivered matches. */
export function isSameSellerMessage(
  message: Message,
  expected: { text: string; attachmentNames?: readonly string[] },
  sentAfterIso: string,
): boolean {
  if (message.sender !== 'seller') return false;
  if (message.text !== expected.text) return false;
  if (Date.parse(message.createdAt) < Date.parse(sentAfterIso)) return false;
  const names = expected.attachmentNames ?? [];
  if (names.length === 0) return true;
  const got = message.attachments.map((a) => a.name).sort();
  const want = [...names].sort();
  return got.length === want.length && got.every((name, i) => name === want[i]);
}
