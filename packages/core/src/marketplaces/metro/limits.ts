import type { LimitRules } from '../../http/limiter.js';

/**
 * Metro documents no number to keep under, only its 429 answer (with Retry-After), which the
 * pipeline waits out. A host can still set rules of its own.
 */
export const METRO_LIMITS: Readonly<LimitRules> = Object.freeze({});
