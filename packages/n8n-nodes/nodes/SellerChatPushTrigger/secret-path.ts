import { createHash, timingSafeEqual } from 'node:crypto';
import type { INodeProperties } from 'n8n-workflow';

export const SECRET_PATH_FIELD = 'Secret Path Segment';
export const SECRET_PATH_MIN = 16;
export const SECRET_PATH_MAX = 128;
// The base64url alphabet: nothing a proxy or the cabinet form would encode, split or normalise.
const URL_SAFE = /^[A-Za-z0-9_-]+$/;

/** What each webhook answers after the secret: Yandex Market may append /notification. */
export const WEBHOOK_SUFFIXES = { default: 'webhook', setup: 'webhook/notification' } as const;

/**
 * n8n evaluates a webhook's path per node when it registers the webhook and when the editor shows
 * its URL, so the secret becomes a real path segment: a request without it matches no webhook.
 */
export function webhookPath(suffix: string): string {
  return `={{$parameter["secretPath"] ? $parameter["secretPath"] + "/${suffix}" : "${suffix}"}}`;
}

export const secretPathProperty: INodeProperties = {
  displayName: SECRET_PATH_FIELD,
  name: 'secretPath',
  type: 'string',
  typeOptions: { password: true },
  default: '',
  placeholder: 'e.g. 9fK2xQ7mLp4vR8sT1wZ3',
  description: `Optional. Yandex Market and Ozon sign nothing, so an unguessable URL is what keeps others from posting fake notifications: this segment (${SECRET_PATH_MIN}–${SECRET_PATH_MAX} letters, digits, - or _) is added to the URL above; paste the URL again after changing it.`,
};

/** The secret to use, '' when none is set; an unusable one is refused with the field and the limit. */
export function readSecretPath(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string') {
    throw new Error(`${SECRET_PATH_FIELD} must be text`);
  }
  // The message never repeats the value: it is a secret even when it is malformed.
  if (value.length < SECRET_PATH_MIN || value.length > SECRET_PATH_MAX) {
    throw new Error(
      `${SECRET_PATH_FIELD} must be ${SECRET_PATH_MIN} to ${SECRET_PATH_MAX} characters long (it has ${value.length})`,
    );
  }
  if (!URL_SAFE.test(value)) {
    throw new Error(`${SECRET_PATH_FIELD} may hold only letters, digits, - and _ (URL-safe characters)`);
  }
  return value;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Whether the request path carries the secret right before the webhook's suffix. Compared as
 * SHA-256 digests so the comparison takes the same time whatever the length or the first mismatch.
 */
export function pathCarriesSecret(requestPath: string, secret: string, suffix: string): boolean {
  const segments = requestPath
    .split('?')[0]!
    .split('/')
    .filter((s) => s !== '');
  const suffixLength = suffix.split('/').length;
  const candidate = segments[segments.length - suffixLength - 1] ?? '';
  const suffixMatches = segments.slice(-suffixLength).join('/') === suffix;
  let given = candidate;
  try {
    given = decodeURIComponent(candidate);
  } catch {
    // A malformed escape cannot be the secret; compare the raw text so timing stays the same.
  }
  return timingSafeEqual(digest(given), digest(secret)) && suffixMatches;
}

/** The text with the secret masked, for anything kept or shown (saved URL, messages). */
export function redactSecret(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***');
}

/** A fingerprint of the URL, so a changed secret is noticed without keeping the secret itself. */
export function urlFingerprint(url: string): string {
  return digest(url).toString('hex');
}
