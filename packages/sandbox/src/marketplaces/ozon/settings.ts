export interface OzonSettings {
  /** Premium Plus (or Pro): without it send, file, start, history and read answer 403. */
  premium: boolean;
  /** Apply the FBO/FBS/rFBS send and start windows. */
  enforceWindows: boolean;
  /** Requests per second per Client-Id across all methods (the docs: 50). */
  rateLimitPerSecond: number;
  /** Write user.type as the docs' examples do, with a Cyrillic "С" (U+0421), in REST and push. */
  cyrillicCustomer: boolean;
  /**
   * Largest decoded file /v1/chat/send/file accepts. Not documented: 5 MB is our guess, and its
   * base64 (6.7 MB) stays under the sandbox's 12 MB body cap so the module's own 400 is what shows.
   */
  maxFileBytes: number;
}

export function defaultSettings(): OzonSettings {
  return {
    premium: true,
    enforceWindows: true,
    rateLimitPerSecond: 50,
    cyrillicCustomer: false,
    maxFileBytes: 5 * 1024 * 1024,
  };
}

const BOOLEANS = ['premium', 'enforceWindows', 'cyrillicCustomer'] as const;
const INTEGERS = ['rateLimitPerSecond', 'maxFileBytes'] as const;

/** Apply a partial update; unknown keys and wrong types throw before anything changes. */
export function applySettings(current: OzonSettings, update: Record<string, unknown>): OzonSettings {
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if ((BOOLEANS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new Error(`Ozon sandbox setting ${key} must be true or false`);
      next[key as (typeof BOOLEANS)[number]] = value;
    } else if ((INTEGERS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        throw new Error(`Ozon sandbox setting ${key} must be an integer >= 1, got ${JSON.stringify(value)}`);
      }
      next[key as (typeof INTEGERS)[number]] = value;
    } else {
      throw new Error(
        `Unknown Ozon sandbox setting "${key}"; known: ${[...BOOLEANS, ...INTEGERS].join(', ')}`,
      );
    }
  }
  return next;
}
