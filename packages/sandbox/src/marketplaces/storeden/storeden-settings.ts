export interface StoredenSettings {
  /** Requests per 24 h before HTTP 509 "Limit Exceeded". */
  dailyRequestLimit: number;
  /** The fixed UTC offset of every date the API writes, in minutes (120 → `+0200`). */
  utcOffsetMinutes: number;
}

export const DEFAULT_STOREDEN_SETTINGS: StoredenSettings = {
  dailyRequestLimit: 100_000,
  utcOffsetMinutes: 120,
};

/** Applies a settings change; refuses unknown keys and bad values naming the field and the rule. */
export function applyStoredenSettings(
  current: StoredenSettings,
  input: Record<string, unknown>,
): StoredenSettings {
  const next = { ...current };
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'dailyRequestLimit':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000_000) {
          throw new Error('storeden setting dailyRequestLimit must be an integer from 0 to 100000000');
        }
        next.dailyRequestLimit = value;
        break;
      case 'utcOffsetMinutes':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < -720 || value > 840) {
          throw new Error('storeden setting utcOffsetMinutes must be an integer from -720 to 840');
        }
        next.utcOffsetMinutes = value;
        break;
      default:
        throw new Error(
          `storeden has no setting "${key}" (known: ${Object.keys(DEFAULT_STOREDEN_SETTINGS).join(', ')})`,
        );
    }
  }
  return next;
}
