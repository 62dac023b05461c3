// What every bench file of the workspace prints (the core's and both host packages'), so
// docs/benchmarks.md can be pasted from one run in one format: the machine once per file, then
// each table titled, in markdown.
import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a run was measured on: figures mean little without it. */
export function machineLine(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() || 'unknown CPU';
  const memory = (totalmem() / 1024 ** 3).toFixed(0);
  // The load says whether something else had the cores too: the timings are only as quiet as the machine.
  const load = loadavg()[0]!.toFixed(1);
  return `Machine: ${model}, ${cpu.length} cores, ${memory} GB RAM, Node ${process.version}, ${process.platform} ${process.arch}, load average ${load} at start`;
}

export type Align = 'left' | 'right';

export interface Column<R> {
  title: string;
  align?: Align;
  cell(row: R): string;
}

/** A titled markdown table, padded so it also reads well in a terminal. */
export function markdownTable<R>(
  title: string,
  columns: Column<R>[],
  rows: R[],
  notes: string[] = [],
): string {
  const cells = rows.map((row) => columns.map((c) => c.cell(row)));
  const widths = columns.map((c, i) => Math.max(c.title.length, 3, ...cells.map((r) => r[i]!.length)));
  const pad = (text: string, i: number) =>
    columns[i]!.align === 'left' ? text.padEnd(widths[i]!) : text.padStart(widths[i]!);
  const line = (values: string[]) => `| ${values.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (columns[i]!.align === 'left' ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [
    '',
    `### ${title}`,
    '',
    line(columns.map((c) => c.title)),
    rule,
    ...cells.map(line),
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
  ].join('\n');
}

/** 12345.6 → "12,346"; digits after the point where small numbers need them. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
