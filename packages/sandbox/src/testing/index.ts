// @sellerchat/sandbox/testing: load, answer counting and reports for tests and benchmarks of
// flows built on the sandbox. A second entry so the main one stays the emulator alone; the host
// packages (n8n, Node-RED) may not import each other, and both drive the sandbox, so their shared
// restart-test load and bench bookkeeping live here. Node built-ins only: no runtime dependency.

export { createSeededRandom } from '../clock/seeded-random.js';
export { type Answer, AnswerTap, RATE_LIMIT_STATUSES } from './answer-tap.js';
export { type Align, type Column, machineLine, markdownTable, num } from './bench-report.js';
export { Buyers, between, type Written } from './buyer-load.js';
export {
  type JsonReceiver,
  type JsonReceiverOptions,
  type ReceivedJson,
  startJsonReceiver,
} from './json-receiver.js';
export { percentile } from './percentile.js';
export { burstSize, type ReplyBenchPlan, replyBenchPlan } from './reply-bench-plan.js';
export { measureReplyLatency, type ReplyLatencyOptions } from './reply-latency.js';
export { type LatencyRow, latencyTable, type ThroughputRow, throughputTable } from './reply-tables.js';
export { allAnswered, type RecordedEvent, type Verdict, verdict } from './restart-verdict.js';
export {
  repliesSince,
  replyTag,
  type SellerBaseline,
  type SellerReply,
  sellerBaseline,
} from './seller-replies.js';
export {
  type SendBurst,
  type SendBurstOptions,
  type SendThroughput,
  type SendThroughputOptions,
  sendBurst,
  sendThroughput,
} from './send-throughput.js';
export { sleep, until } from './wait.js';
export { type ChatRef, writableChats } from './writable-chats.js';
