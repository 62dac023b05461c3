export const REDACTED = '[REDACTED]';

/**
 * Shorter values are ignored: they cannot be real keys, and replacing every "12" or "abc" in a
 * message would make errors unreadable without protecting anything.
 */
export const MIN_SECRET_LENGTH = 4;

/** Header names whose values are credentials, in lower case. */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'api-key',
  'x-api-key',
  'authorization',
  'proxy-authorization',
  'x-signature',
  'key',
  'exchange',
  'cookie',
  'set-cookie',
  'client-secret',
  'x-client-secret',
]);

export interface Redactor {
  /** `text` with every secret (and its URL-, form- and JSON-escaped forms) replaced by [REDACTED]. */
  redact(text: string): string;
  /** A deep copy of `value` with every string redacted; keys are kept. */
  redactValue<T>(value: T): T;
  /** A redactor that also hides `extra` (per-request values such as a fresh signature). */
  with(extra: Iterable<string>): Redactor;
}

/** The forms a secret takes when a server or a library echoes it back. */
function variants(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  return [...forms];
}

export function createRedactor(secrets: Iterable<string | undefined | null>): Redactor {
  const kept = [...new Set([...secrets].filter((s): s is string => typeof s === 'string'))]
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_SECRET_LENGTH);
  // Longest first, so a secret that contains another is replaced whole.
  const needles = [...new Set(kept.flatMap(variants))].sort((a, b) => b.length - a.length);

  const redact = (text: string): string => {
    let out = text;
    for (const needle of needles) {
      if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    }
    return out;
  };

  const redactValue = <T>(value: T): T => deepRedact(value, redact, new WeakMap()) as T;

  return { redact, redactValue, with: (extra) => createRedactor([...kept, ...extra]) };
}

function deepRedact(
  value: unknown,
  redact: (text: string) => string,
  seen: WeakMap<object, unknown>,
): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(deepRedact(item, redact, seen));
    return copy;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    // Class instances (LosslessNumber, Uint8Array, Date) hold no echoed text worth copying.
    return value;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = deepRedact(item, redact, seen);
  return copy;
}

/** `redact(text, secrets)`: one-off form of `createRedactor(secrets).redact(text)`. */
export function redact(text: string, secrets: Iterable<string | undefined | null>): string {
  return createRedactor(secrets).redact(text);
}

/**
 * The credential values among request headers: the whole value and, for `Authorization:
 * Bearer <token>`, the token alone.
 */
export function sensitiveHeaderValues(headers: Record<string, string>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!SENSITIVE_HEADERS.has(name.toLowerCase()) || typeof value !== 'string') continue;
    values.push(value);
    const space = value.indexOf(' ');
    if (space > 0) values.push(value.slice(space + 1));
  }
  return values;
}
