import type { NodeStatus } from './red.js';

const MAX_TEXT = 80;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_TEXT ? oneLine : `${oneLine.slice(0, MAX_TEXT - 1)}…`;
}

/** "12 s", "2 min 5 s": how long a rate-limit wait is, for a status line. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** The statuses every SellerChat node shows, so they read the same across the palette. */
export const STATUS = {
  idle: (): NodeStatus => ({ fill: 'grey', shape: 'ring', text: 'idle' }),
  polling: (): NodeStatus => ({ fill: 'blue', shape: 'dot', text: 'polling' }),
  /** sending, uploading, listing, marking read, starting chat. */
  busy: (verb: string): NodeStatus => ({ fill: 'blue', shape: 'dot', text: verb }),
  rateLimited: (waitMs: number): NodeStatus => ({
    fill: 'yellow',
    shape: 'ring',
    text: `rate-limited: waiting ${formatWait(waitMs)}`,
  }),
  listening: (path: string): NodeStatus => ({
    fill: 'green',
    shape: 'dot',
    text: clip(`idle, push on ${path}`),
  }),
  error: (error: unknown): NodeStatus => ({ fill: 'red', shape: 'ring', text: clip(errorLabel(error)) }),
};

/** "auth: Yandex Market listChats: ...": the error's kind first, so the status says what to fix. */
export function errorLabel(error: unknown): string {
  if (error instanceof Error) {
    const kind = (error as { kind?: unknown }).kind;
    return typeof kind === 'string' ? `${kind}: ${error.message}` : error.message;
  }
  return String(error);
}

/** The error as plain data (kind, marketplace, status, field, limit, retryAfterMs...) for msg.sellerchat.error. */
export function errorDetails(error: unknown): Record<string, unknown> {
  const json = (error as { toJSON?: () => unknown } | null)?.toJSON;
  if (error instanceof Error && typeof json === 'function')
    return json.call(error) as Record<string, unknown>;
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { message: String(error) };
}
