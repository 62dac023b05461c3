import { DEFAULT_QUOTAS, OPERATIONS, type Operation } from './operations.js';

export interface YandexSettings {
  /** Parallel requests per businessId before 420 (the docs say 4; an older copy said 2). */
  parallelLimit: number;
  /** Requests per operation per hour before 420. */
  quotas: Record<Operation, number>;
  /** Length of a quota window; an hour in production, shorter only if a test wants it. */
  quotaWindowMs: number;
  /** Time each request stays in flight inside the module, so parallel requests can overlap. */
  latencyMs: number;
  /** Largest file chats/file/send accepts (5 MB per the spec). */
  maxFileBytes: number;
}

export function defaultSettings(): YandexSettings {
  return {
    parallelLimit: 4,
    quotas: { ...DEFAULT_QUOTAS },
    quotaWindowMs: 60 * 60 * 1000,
    latencyMs: 0,
    maxFileBytes: 5 * 1024 * 1024,
  };
}

const NUMBER_KEYS = ['parallelLimit', 'quotaWindowMs', 'latencyMs', 'maxFileBytes'] as const;
type NumberKey = (typeof NUMBER_KEYS)[number];

function isNumberKey(key: string): key is NumberKey {
  return (NUMBER_KEYS as readonly string[]).includes(key);
}

function isOperation(key: string): key is Operation {
  return (OPERATIONS as readonly string[]).includes(key);
}

function positiveInteger(name: string, value: unknown, allowZero: boolean): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new Error(
      `Yandex sandbox setting ${name} must be an integer ${allowZero ? '>= 0' : '>= 1'}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Apply a partial update; unknown keys and bad values throw before anything changes. */
export function applySettings(current: YandexSettings, update: Record<string, unknown>): YandexSettings {
  const next: YandexSettings = { ...current, quotas: { ...current.quotas } };
  for (const [key, value] of Object.entries(update)) {
    if (isNumberKey(key)) {
      next[key] = positiveInteger(key, value, key === 'latencyMs');
    } else if (key === 'quotas') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error('Yandex sandbox setting quotas must be an object of operation -> requests per hour');
      }
      for (const [op, amount] of Object.entries(value)) {
        if (!isOperation(op)) {
          throw new Error(
            `Yandex sandbox setting quotas.${op} is unknown; operations: ${OPERATIONS.join(', ')}`,
          );
        }
        next.quotas[op] = positiveInteger(`quotas.${op}`, amount, false);
      }
    } else {
      throw new Error(
        `Unknown Yandex sandbox setting "${key}"; known: ${[...NUMBER_KEYS, 'quotas'].join(', ')}`,
      );
    }
  }
  return next;
}
