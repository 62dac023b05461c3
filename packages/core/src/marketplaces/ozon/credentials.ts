/** An Ozon Seller API key pair: headers `Client-Id` and `Api-Key`. */
export interface OzonCredentials {
  clientId: string;
  apiKey: string;
}

/** Ozon documents one environment and no sandbox. */
export const OZON_BASE_URLS = {
  production: 'https://api-seller.ozon.ru',
} as const;
