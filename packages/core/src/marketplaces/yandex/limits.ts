import type { LimitRules } from '../../http/limiter.js';

/** Yandex allows 4 parallel requests per business; a fifth is answered with 420. */
export const YANDEX_LIMITS: Readonly<LimitRules> = Object.freeze({ all: { concurrency: 4 } });
