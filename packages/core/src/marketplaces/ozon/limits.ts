import type { LimitRules } from '../../http/limiter.js';

/** Ozon allows 50 requests per second across all methods per Client-Id. */
export const OZON_LIMITS: Readonly<LimitRules> = Object.freeze({ all: { rate: 50, intervalMs: 1000 } });
