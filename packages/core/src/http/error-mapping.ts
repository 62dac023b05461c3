import {
  AuthError,
  ConflictError,
  MarketplaceError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type SellerChatError,
  ValidationError,
} from '../errors/errors.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { MARKETPLACE_NAMES } from '../model/marketplace.js';

const MAX_MESSAGE = 500;

export interface MarketplaceErrorInfo {
  code?: string;
  message?: string;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * The marketplace's own code and message from an error body, trying the shapes the four APIs
 * use: Yandex `{errors:[{code,message}]}`, Ozon `{code,message}`, Metro `{status,message}`,
 * push-style `{error:{code|type,message}}`, OAuth `{error,error_description}`, problem+json
 * `{title,detail}`; a short plain-text body (Yandex's 420 text) is taken as the message.
 */
export function extractMarketplaceError(data: unknown, text: string): MarketplaceErrorInfo {
  const body = record(data);
  if (!body) {
    const plain = text.trim();
    if (data === undefined && plain !== '' && !plain.startsWith('<')) return { message: clip(plain) };
    return {};
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    const items = body.errors.map(
      (item: unknown): Record<string, unknown> => record(item) ?? { message: item },
    );
    const messages = items.map((item) => asText(item.message) ?? asText(item.description)).filter(Boolean);
    return {
      code: asText(items[0]?.code) ?? asText(items[0]?.type),
      message: clip(messages.length > 0 ? messages.join('; ') : undefined),
    };
  }
  const nested = record(body.error);
  if (nested) {
    return {
      code: asText(nested.code) ?? asText(nested.type),
      message: clip(asText(nested.message) ?? asText(nested.details)),
    };
  }
  if (typeof body.error === 'string') {
    return {
      code: asText(body.error),
      message: clip(asText(body.error_description) ?? asText(body.message)),
    };
  }
  return {
    code: asText(body.code) ?? asText(body.error_code),
    message: clip(
      asText(body.message) ?? asText(body.detail) ?? asText(body.title) ?? asText(body.error_message),
    ),
  };
}

export interface StatusContext {
  marketplace: MarketplaceId;
  operation: string;
  status: number;
  info: MarketplaceErrorInfo;
  isRateLimit: boolean;
  retryAfterMs?: number;
}

/**
 * Default mapping by HTTP status. 400 and 422 become ValidationError (field `request`): the
 * marketplace refused the input and repeating it cannot help; `status` tells it apart from
 * the validation done before sending (which has no status).
 */
export function errorForStatus(ctx: StatusContext): SellerChatError {
  const { marketplace, operation, status, info } = ctx;
  const details = {
    marketplace,
    operation,
    status,
    code: info.code,
    marketplaceMessage: info.message,
  };
  const tag = `HTTP ${status}${info.code ? `, code ${info.code}` : ''}`;
  const tail = info.message ? `: ${info.message}` : '';
  const say = (what: string) => `${MARKETPLACE_NAMES[marketplace]} ${operation}: ${what} (${tag})${tail}`;

  if (ctx.isRateLimit) {
    const wait =
      ctx.retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(ctx.retryAfterMs / 1000)} s`;
    return new RateLimitError(say(`rate limited${wait}`), { ...details, retryAfterMs: ctx.retryAfterMs });
  }
  switch (status) {
    case 400:
    case 422:
      return new ValidationError(say('the marketplace refused the request'), {
        ...details,
        field: 'request',
      });
    case 401:
      return new AuthError(say('authentication failed; check the credentials'), details);
    case 403:
      return new PermissionError(say('access denied'), details);
    case 404:
      return new NotFoundError(say('not found'), details);
    case 409:
      return new ConflictError(say('conflict'), details);
    default:
      if (status >= 500) return new MarketplaceError(say('the marketplace failed'), details);
      if (status >= 300 && status < 400) return new MarketplaceError(say('unexpected redirect'), details);
      return new MarketplaceError(say('unexpected response'), details);
  }
}
