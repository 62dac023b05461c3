// Buyer message → seller reply latency, measured at the sandbox: from when the buyer message was
// stored through the control API to when the sandbox answered the request that stored the reply
// (same process, same clock). Metro and Storeden stamp messages to the second only, so the
// messages' own timestamps cannot serve.
import type { RunningSandbox } from '../server/launch-sandbox.js';
import type { AnswerTap } from './answer-tap.js';
import { sleep, until } from './wait.js';
import { writableChats } from './writable-chats.js';

export interface ReplyLatencyOptions {
  messages: number;
  /** Pause after each buyer message. */
  spacingMs: number;
  /** Chat ids to write into, in turn; default every writable chat of the marketplace. */
  chatIds?: string[];
  /** The reply text the flow under test sends for a buyer text; default `re: <text>`. */
  replyTo?: (text: string) => string;
  timeoutMs?: number;
}

/** Writes `messages` buyer messages and returns each one's latency in ms, once all are answered. */
export async function measureReplyLatency(
  sb: RunningSandbox,
  tap: AnswerTap,
  marketplace: string,
  options: ReplyLatencyOptions,
): Promise<number[]> {
  const {
    messages,
    spacingMs,
    chatIds = writableChats(sb, marketplace).map((c) => c.chatId),
    replyTo = (text: string) => `re: ${text}`,
    timeoutMs = 30_000,
  } = options;
  tap.watchReplies(marketplace);
  const written: Array<{ reply: string; at: number }> = [];
  try {
    for (let i = 0; i < messages; i++) {
      const text = `latency ${marketplace} #${i}`;
      const at = Date.now();
      sb.control.buyerWrite(marketplace, { chatId: chatIds[i % chatIds.length]!, text });
      written.push({ reply: replyTo(text), at });
      await sleep(spacingMs);
    }
    await until(
      () => written.every((w) => tap.replies.has(w.reply)),
      `every ${marketplace} reply`,
      timeoutMs,
    );
  } finally {
    tap.stopWatching(marketplace);
  }
  return written.map((w) => tap.replies.get(w.reply)! - w.at);
}
