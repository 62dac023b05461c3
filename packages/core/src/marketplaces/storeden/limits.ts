import type { LimitRules } from '../../http/limiter.js';

/**
 * Storeden documents no number to keep under, only its 509 "Limit Exceeded" answer, which the
 * pipeline waits out. A host can still set rules of its own.
 */
export const STOREDEN_LIMITS: Readonly<LimitRules> = Object.freeze({});
