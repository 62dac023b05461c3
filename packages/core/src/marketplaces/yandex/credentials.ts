/** A Yandex Market Partner API key (header `Api-Key`) and the cabinet (business) it belongs to. */
export interface YandexCredentials {
  /** Api-Key token from the cabinet (Settings → API and modules), e.g. `ACMA:...`. */
  apiKey: string;
  /** The cabinet id (int64 ≥ 1): every chat path is under /v2/businesses/{businessId}. */
  businessId: string;
}

export const YANDEX_BASE_URLS = {
  production: 'https://api.partner.market.yandex.ru',
} as const;
