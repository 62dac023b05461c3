import type { SignatureEncoding, UploadBodySigning } from './auth.js';

/**
 * Switches for what the Metro documents leave open. Every default is the sandbox's guess and
 * is written down in docs/fidelity-metro.md; tests of a client can pin a stricter reading.
 */
export interface MetroSettings {
  /** Largest `limit` GET /chats accepts (undocumented). */
  maxPageSize: number;
  /** Longest message `content` in characters; 0 = no limit (none documented). */
  maxContentLength: number;
  /** ±seconds around server time that X-Timestamp may be (M-AUTH: 5 minutes). */
  timestampToleranceSeconds: number;
  signatureEncoding: SignatureEncoding;
  uploadBodySigning: UploadBodySigning;
}

export function defaultSettings(): MetroSettings {
  return {
    maxPageSize: 100,
    maxContentLength: 0,
    timestampToleranceSeconds: 300,
    signatureEncoding: 'any',
    uploadBodySigning: 'any',
  };
}

const positiveInteger = (key: string, value: unknown, allowZero: boolean): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new Error(
      `Metro sandbox setting ${key} must be an integer ≥ ${allowZero ? 0 : 1}, got ${String(value)}`,
    );
  }
  return value;
};

const oneOf = <T extends string>(key: string, value: unknown, allowed: readonly T[]): T => {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(
      `Metro sandbox setting ${key} must be one of ${allowed.join(', ')}, got ${String(value)}`,
    );
  }
  return value as T;
};

/** Validates every key first, so a refused call changes nothing. */
export function applySettings(current: MetroSettings, changes: Record<string, unknown>): MetroSettings {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    switch (key) {
      case 'maxPageSize':
        next.maxPageSize = positiveInteger(key, value, false);
        break;
      case 'maxContentLength':
        next.maxContentLength = positiveInteger(key, value, true);
        break;
      case 'timestampToleranceSeconds':
        next.timestampToleranceSeconds = positiveInteger(key, value, false);
        break;
      case 'signatureEncoding':
        next.signatureEncoding = oneOf(key, value, ['any', 'base64', 'hex']);
        break;
      case 'uploadBodySigning':
        next.uploadBodySigning = oneOf(key, value, ['any', 'empty', 'raw']);
        break;
      default:
        throw new Error(
          `Metro sandbox has no setting '${key}' (known: ${Object.keys(defaultSettings()).join(', ')})`,
        );
    }
  }
  return next;
}
