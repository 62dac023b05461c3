// The two tables of the host packages' end-to-end benches (Node-RED and n8n), in one shape so
// their figures can be set side by side in docs/benchmarks.md.
import { markdownTable, num } from './bench-report.js';
import { percentile } from './percentile.js';
import type { SendThroughput } from './send-throughput.js';

export interface LatencyRow {
  /** 'poll' or 'push'. */
  path: string;
  marketplace: string;
  /** How the row was measured (interval, spacing). */
  note: string;
  /** Latencies in ms. */
  samples: number[];
}

/** p50/p95/p99/max of each row's latencies. */
export function latencyTable(title: string, rows: LatencyRow[]): string {
  const ms = (value: number) => num(value);
  return markdownTable(
    title,
    [
      { title: 'path', align: 'left', cell: (r: LatencyRow) => r.path },
      { title: 'marketplace', align: 'left', cell: (r) => r.marketplace },
      { title: 'messages', cell: (r) => num(r.samples.length) },
      { title: 'p50', cell: (r) => ms(percentile(r.samples, 50)) },
      { title: 'p95', cell: (r) => ms(percentile(r.samples, 95)) },
      { title: 'p99', cell: (r) => ms(percentile(r.samples, 99)) },
      { title: 'max', cell: (r) => ms(Math.max(...r.samples)) },
      { title: 'setup', align: 'left', cell: (r) => r.note },
    ],
    rows,
  );
}

export interface ThroughputRow {
  /** Buyer messages written at once. */
  burst: number;
  /** Replies the host reported sent. */
  replies: number;
  throughput: SendThroughput;
  /** The marketplace's allowed requests per second. */
  allowed: number;
  /** Rate-limit answers per marketplace, counted by the sandbox over the whole run. */
  rateLimitAnswers: Record<string, number>;
  /** Errors as the host reports them, e.g. "0 (0)": all (of them rate limits). */
  errors: string;
}

/** One row: how close a burst of auto-replies came to the marketplace's rate limit. */
export function throughputTable(
  title: string,
  row: ThroughputRow,
  labels: { marketplace: string; errors: string },
): string {
  return markdownTable(
    title,
    [
      { title: 'burst', cell: (r: ThroughputRow) => num(r.burst) },
      { title: 'replies', cell: (r) => num(r.replies) },
      { title: 'seconds', cell: (r) => num(r.throughput.seconds, 1) },
      { title: 'replies/s', cell: (r) => num(r.throughput.sendsPerSecond, 1) },
      { title: `${labels.marketplace} requests/s`, cell: (r) => num(r.throughput.requestsPerSecond, 1) },
      { title: 'allowed (sandbox)', cell: (r) => `${r.allowed}/s` },
      { title: 'fraction of allowed', cell: (r) => `${num(100 * r.throughput.fraction, 1)}%` },
      { title: 'requests per reply', cell: (r) => num(r.throughput.requestsPerSend, 2) },
      {
        title: 'rate-limit answers (sandbox)',
        align: 'left',
        cell: (r) => rateLimitCell(r.rateLimitAnswers),
      },
      { title: labels.errors, cell: (r) => r.errors },
    ],
    [row],
  );
}

/** "0" when the sandbox refused nothing, else the count per status ("429: 12"), so the cell reads as a figure. */
function rateLimitCell(answers: Record<string, number>): string {
  const entries = Object.entries(answers).filter(([, count]) => count > 0);
  return entries.length === 0 ? '0' : entries.map(([status, count]) => `${status}: ${num(count)}`).join(', ');
}
