// Throughput of a burst of replies against a marketplace's rate limit, counted at the sandbox.
// Only the window between the first and the last successful send counts: that is when the limit,
// not the start-up or the tail, was the bottleneck. The limit is per account across all methods,
// so the fraction is of requests, not of sends.
import type { RunningSandbox } from '../server/launch-sandbox.js';
import type { AnswerTap } from './answer-tap.js';
import { burstSize, type ReplyBenchPlan } from './reply-bench-plan.js';
import { until } from './wait.js';
import { writableChats } from './writable-chats.js';

export interface SendThroughput {
  /** Successful sends in the window. */
  sends: number;
  seconds: number;
  sendsPerSecond: number;
  requestsPerSecond: number;
  /** Requests per second over the marketplace's allowed rate. */
  fraction: number;
  requestsPerSend: number;
}

export interface SendThroughputOptions {
  marketplace: string;
  /** The end of the send endpoint's path, e.g. '/chat/send/message'. */
  sendPath: string;
  /** The marketplace's allowed requests per second. */
  allowed: number;
  /** Index into tap.answers where the burst began. */
  fromAnswer: number;
}

export function sendThroughput(tap: AnswerTap, options: SendThroughputOptions): SendThroughput {
  const { marketplace, sendPath, allowed, fromAnswer } = options;
  const sendTimes = tap.answers
    .slice(fromAnswer)
    .filter((a) => a.marketplace === marketplace && a.path.endsWith(sendPath) && a.status < 300)
    .map((a) => a.at);
  const first = Math.min(...sendTimes);
  const last = Math.max(...sendTimes);
  const seconds = (last - first) / 1000;
  const requests = tap.count(marketplace, first, last);
  return {
    sends: sendTimes.length,
    seconds,
    sendsPerSecond: (sendTimes.length - 1) / seconds,
    requestsPerSecond: (requests - 1) / seconds,
    fraction: (requests - 1) / seconds / allowed,
    requestsPerSend: requests / sendTimes.length,
  };
}

export interface SendBurstOptions {
  marketplace: string;
  /** The end of the send endpoint's path, e.g. '/chat/send/message'. */
  sendPath: string;
  /** Requests the host makes per reply (measured before), to size the burst. */
  requestsPerReply: number;
  /** How many buyer messages the host has dealt with so far (replied or failed), cumulative. */
  handled: () => number;
  timeoutMs?: number;
}

export interface SendBurst {
  /** Buyer messages written, one per writable chat. */
  burst: number;
  /** The marketplace's allowed requests per second, as the sandbox enforces it. */
  allowed: number;
  throughput: SendThroughput;
}

/**
 * Writes a burst sized to keep the marketplace's limit busy for the plan's seconds, waits until
 * the host has dealt with every message, and measures the sends at the sandbox.
 */
export async function sendBurst(
  sb: RunningSandbox,
  tap: AnswerTap,
  plan: ReplyBenchPlan,
  options: SendBurstOptions,
): Promise<SendBurst> {
  const { marketplace, sendPath, requestsPerReply, handled, timeoutMs = 120_000 } = options;
  const allowed = Number(sb.control.settings(marketplace).rateLimitPerSecond);
  const chats = writableChats(sb, marketplace);
  const burst = burstSize(plan, chats.length, allowed, requestsPerReply);
  const before = handled();
  const fromAnswer = tap.answers.length;
  for (let i = 0; i < burst; i++)
    sb.control.buyerWrite(marketplace, { chatId: chats[i]!.chatId, text: `burst #${i}` });
  await until(
    () => handled() - before >= burst,
    `${burst} ${marketplace} buyer messages dealt with`,
    timeoutMs,
  );
  return { burst, allowed, throughput: sendThroughput(tap, { marketplace, sendPath, allowed, fromAnswer }) };
}
