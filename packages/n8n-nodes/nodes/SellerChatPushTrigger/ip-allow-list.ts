/**
 * The source ranges the marketplaces publish for their notifications (shared/api/marketplaces.md
 * §1.5 for Yandex Market, §2.4 for Ozon).
 */
export const PUSH_SOURCE_RANGES = {
  yandex: ['5.45.207.0/25', '141.8.142.0/25', '5.255.253.0/25'],
  ozon: ['195.34.21.0/24', '185.73.192.0/22', '91.223.93.0/24'],
} as const;

function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is the IPv4 address it wraps. */
export function normaliseIp(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** Whether `ip` is inside `range`: an IPv4 CIDR (a.b.c.d/n) or one exact address of either family. */
export function ipInRange(ip: string, range: string): boolean {
  const address = normaliseIp(ip);
  const [base, bitsText] = range.trim().split('/');
  if (bitsText === undefined) return address === normaliseIp(base ?? '');
  const bits = Number(bitsText);
  const a = ipv4ToNumber(address);
  const b = ipv4ToNumber(normaliseIp(base ?? ''));
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

/** Refuses a range that cannot match anything, naming it, so a typo never locks everything out silently. */
export function parseRanges(text: string): string[] {
  const ranges = text
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
  for (const range of ranges) {
    const [base, bits] = range.split('/');
    const valid =
      bits === undefined
        ? ipv4ToNumber(normaliseIp(base ?? '')) !== undefined || (base ?? '').includes(':')
        : ipv4ToNumber(base ?? '') !== undefined && /^\d{1,2}$/.test(bits) && Number(bits) <= 32;
    if (!valid)
      throw new Error(
        `Allowed IP ranges: "${range}" is not an IPv4 address, an IPv4 CIDR range or an IPv6 address`,
      );
  }
  return ranges;
}

export function ipAllowed(ip: string | undefined, ranges: readonly string[]): boolean {
  if (!ip) return false;
  return ranges.some((range) => ipInRange(ip, range));
}
