/**
 * Metro writes timestamps as RFC 3339 with a numeric offset and whole seconds
 * (`2025-09-02T19:41:12+00:00`, seed:metro-chats). The sandbox keeps every time in whole
 * seconds so a timestamp a client read back and sends as a filter bound matches exactly.
 */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** `2025-09-02T19:41:12+00:00`. */
export function formatRfc3339(ms: number): string {
  return `${new Date(wholeSeconds(ms)).toISOString().slice(0, 19)}+00:00`;
}

/** ISO 8601 UTC for the sandbox's neutral views (control API, buyer page). */
export function formatIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export type ParsedTime = { ok: true; ms: number } | { ok: false; reason: string };

/** Strict RFC 3339; a `+` that arrived as a space (unencoded in the query) gets its own hint. */
export function parseRfc3339(value: string): ParsedTime {
  if (RFC3339.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return { ok: true, ms };
  }
  if (RFC3339.test(value.replace(/ (\d{2}:\d{2})$/, '+$1'))) {
    return {
      ok: false,
      reason: `'${value}' is not RFC 3339: the '+' of the offset must be sent percent-encoded as %2B`,
    };
  }
  return { ok: false, reason: `'${value}' is not an RFC 3339 date-time (e.g. 2025-09-02T19:41:12+00:00)` };
}
