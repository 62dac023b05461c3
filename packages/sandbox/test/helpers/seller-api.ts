import { createHmac } from 'node:crypto';
import type { RunningSandbox } from '../../src/server/launch-sandbox.js';
import type { MarketplaceId } from '../../src/types.js';
import { jsonRequest, type RawReply } from './raw-http.js';

type Reply = RawReply & { json: unknown };

/**
 * Seller-side calls as a client reads marketplaces.md, written here and not taken from the
 * modules, so a test using them checks the module against the docs.
 */
export class SellerApi {
  constructor(private readonly sandbox: RunningSandbox) {}

  #credentials(marketplace: MarketplaceId, label: string): Record<string, string> {
    const pair = this.sandbox.control.credentials(marketplace)[label];
    if (!pair) throw new Error(`${marketplace} has no credentials "${label}"`);
    return pair;
  }

  /** Metro: HMAC-SHA256 over METHOD \n FULL_URI \n BODY \n TIMESTAMP, base64 (M-AUTH). */
  metro(method: string, pathAndQuery: string, json?: unknown): Promise<Reply> {
    const { clientKey = '', clientSecret = '' } = this.#credentials('metro', 'seller');
    const url = `${this.sandbox.url}/metro${pathAndQuery}`;
    const body = json === undefined ? '' : JSON.stringify(json);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', clientSecret)
      .update(`${method}\n${url}\n${body}\n${timestamp}`)
      .digest('base64');
    return jsonRequest(url, {
      method,
      headers: {
        accept: 'application/json',
        'x-client-id': clientKey,
        'x-timestamp': timestamp,
        'x-signature': signature,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body }),
    });
  }

  /** Yandex: Api-Key header; chatId and paging in the query even on POST. */
  yandex(method: string, pathBelowBusiness: string, json?: unknown): Promise<Reply> {
    const { apiKey = '', businessId = '' } = this.#credentials('yandex', 'default');
    return jsonRequest(`${this.sandbox.url}/yandex/v2/businesses/${businessId}${pathBelowBusiness}`, {
      method,
      headers: { 'api-key': apiKey },
      ...(json === undefined ? {} : { json }),
    });
  }

  /** Ozon: every method POST with JSON, Client-Id + Api-Key. */
  ozon(path: string, json: unknown): Promise<Reply> {
    const { clientId = '', apiKey = '' } = this.#credentials('ozon', 'default');
    return jsonRequest(`${this.sandbox.url}/ozon${path}`, {
      method: 'POST',
      headers: { 'client-id': clientId, 'api-key': apiKey },
      json,
    });
  }

  /** Storeden: key + exchange headers, form-encoded POST bodies. */
  storeden(method: string, pathAndQuery: string, form?: Record<string, string>): Promise<Reply> {
    const pair = this.#credentials('storeden', 'readWrite');
    return jsonRequest(`${this.sandbox.url}/storeden${pathAndQuery}`, {
      method,
      headers: {
        ...pair,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
  }

  /** Send `text` into a chat as the seller, through each marketplace's documented send call. */
  async reply(marketplace: MarketplaceId, chatId: string, text: string): Promise<Reply> {
    let reply: Reply;
    switch (marketplace) {
      case 'metro':
        reply = await this.metro('POST', `/openapi/v1/chats/${encodeURIComponent(chatId)}/messages`, {
          content: text,
        });
        break;
      case 'yandex':
        reply = await this.yandex('POST', `/chats/message?chatId=${encodeURIComponent(chatId)}`, {
          message: text,
        });
        break;
      case 'ozon':
        reply = await this.ozon('/v1/chat/send/message', { chat_id: chatId, text });
        break;
      case 'storeden':
        reply = await this.storeden('POST', '/messages/chat.json', { with_id: chatId, message: text });
        break;
    }
    if (reply.status >= 300) throw new Error(`${marketplace} send failed: ${reply.status} ${reply.text}`);
    return reply;
  }
}
