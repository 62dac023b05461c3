import { ValidationError } from '../errors/errors.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { MARKETPLACE_NAMES } from '../model/marketplace.js';

export const MAX_ID_LENGTH = 256;

// C0 and C1 control characters, DEL, and the Unicode line/paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function prefix(marketplace: MarketplaceId | undefined): string {
  return marketplace ? `${MARKETPLACE_NAMES[marketplace]}: ` : '';
}

/**
 * Checks a user-supplied id and returns it as a string. Refuses empty, blank, over-long
 * (>256) ids and control characters with a ValidationError naming field and marketplace. A safe
 * integer is accepted (n8n expressions often yield numbers); one beyond 2^53 is refused because
 * it has already lost digits.
 */
export function assertId(marketplace: MarketplaceId | undefined, field: string, value: unknown): string {
  const where = { marketplace, field };
  const p = prefix(marketplace);
  let id: string;
  if (typeof value === 'string') id = value;
  else if (typeof value === 'bigint') id = value.toString();
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new ValidationError(
        `${p}${field} is the number ${value}, which is not an exact integer id; pass ids as strings`,
        { ...where, limit: 'an integer up to 2^53 - 1, or a string' },
      );
    }
    id = String(value);
  } else {
    const got = value === null ? 'null' : typeof value;
    throw new ValidationError(`${p}${field} is required (got ${got})`, {
      ...where,
      limit: 'a non-empty string',
    });
  }
  if (id.trim() === '') {
    throw new ValidationError(`${p}${field} is empty`, { ...where, limit: 'a non-empty string' });
  }
  if (id.length > MAX_ID_LENGTH) {
    throw new ValidationError(
      `${p}${field} is ${id.length} characters; the limit is ${MAX_ID_LENGTH} characters`,
      {
        ...where,
        limit: `${MAX_ID_LENGTH} characters`,
      },
    );
  }
  if (CONTROL.test(id)) {
    throw new ValidationError(`${p}${field} contains a control character`, {
      ...where,
      limit: 'no control characters',
    });
  }
  return id;
}

/** A path parameter with its name, so an error can say which one was bad: `${{ chatId }}`. */
export type NamedSegment = Readonly<Record<string, string | number | bigint>>;
export type PathValue = string | number | bigint | NamedSegment;

export type PathTag = (strings: TemplateStringsArray, ...values: PathValue[]) => string;

/**
 * A tag that builds request paths safely: each interpolation is checked (`assertId`) and
 * percent-encoded, so an id such as `1/../../admin?x#` stays one path segment and can never
 * change the endpoint. Interpolate `${{ chatId }}` to name the field in errors.
 */
export function pathFor(marketplace?: MarketplaceId): PathTag {
  return (strings, ...values) => {
    let out = strings[0] ?? '';
    values.forEach((value, i) => {
      const [field, raw] = nameOf(value, i);
      out += encodeURIComponent(assertId(marketplace, field, raw)) + (strings[i + 1] ?? '');
    });
    // URL parsers resolve "." and ".." segments (even %2E forms), so they are refused here.
    for (const segment of out.split(/[?#]/, 1)[0]!.split('/')) {
      if (segment === '.' || segment === '..') {
        throw new ValidationError(
          `${prefix(marketplace)}a path segment is "${segment}", which would leave the endpoint`,
          {
            marketplace,
            field: 'path',
            limit: 'not "." or ".."',
          },
        );
      }
    }
    return out;
  };
}

function nameOf(value: PathValue, index: number): [string, unknown] {
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 1) return entries[0] as [string, unknown];
  }
  return [`path parameter ${index + 1}`, value];
}

/** `path\`/v1/chats/${id}/messages\``: pathFor() without a marketplace (clients use pathFor). */
export const path: PathTag = pathFor();
