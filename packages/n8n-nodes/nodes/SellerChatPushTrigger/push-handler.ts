import {
  handleOzonPush,
  handleYandexPush,
  type MarketplaceClient,
  ozonPushErrorReply,
  type PushOptions,
  type PushRequest,
  type PushResult,
  type WatcherState,
  yandexPushErrorReply,
} from '@sellerchat/core';

export type PushMarketplace = 'yandex' | 'ozon';

/** The marketplaces that push notifications; the others are watched by polling. */
export const PUSH_MARKETPLACES: readonly PushMarketplace[] = ['yandex', 'ozon'];

export interface PushAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function handlePush(
  marketplace: PushMarketplace,
  client: MarketplaceClient,
  state: WatcherState | undefined,
  request: PushRequest,
  options: PushOptions,
): Promise<PushResult> {
  return marketplace === 'yandex'
    ? handleYandexPush(client, state, request, options)
    : handleOzonPush(client, state, request, options);
}

/** A refusal in the marketplace's documented error shape (a sender outside the allow-list, a broken setup). */
export function refusal(marketplace: PushMarketplace, status: number, message: string): PushAnswer {
  const reply =
    marketplace === 'yandex'
      ? yandexPushErrorReply(status >= 500 ? 'UNKNOWN' : 'WRONG_EVENT_FORMAT', message, status)
      : ozonPushErrorReply(status >= 500 ? 'ERROR_UNKNOWN' : 'ERROR_PARAMETER_VALUE_MISSED', message, status);
  return {
    status: reply.status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reply.body),
  };
}
