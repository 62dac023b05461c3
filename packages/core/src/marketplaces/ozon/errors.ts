import { AuthError, PermissionError, RateLimitError, type SellerChatError } from '../../errors/errors.js';
import type { MapError } from '../../http/options.js';

export interface OzonRpcStatus {
  code?: string;
  message?: string;
  details: Array<{ typeUrl?: string; value?: string }>;
}

/** rpcStatus `{code: int32, message, details: [{typeUrl, value}]}`, the body of every Ozon error. */
export function parseOzonRpcStatus(data: unknown): OzonRpcStatus | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const body = data as Record<string, unknown>;
  if (body.code === undefined && body.message === undefined) return undefined;
  const status: OzonRpcStatus = { details: [] };
  if (typeof body.code === 'number' || typeof body.code === 'string') status.code = String(body.code);
  if (typeof body.message === 'string' && body.message.trim() !== '') status.message = body.message;
  if (Array.isArray(body.details)) {
    for (const item of body.details) {
      if (typeof item !== 'object' || item === null) continue;
      const { typeUrl, value, '@type': type } = item as Record<string, unknown>;
      const detail: { typeUrl?: string; value?: string } = {};
      const url = typeof typeUrl === 'string' ? typeUrl : typeof type === 'string' ? type : undefined;
      if (url !== undefined) detail.typeUrl = url;
      if (typeof value === 'string') detail.value = value;
      status.details.push(detail);
    }
  }
  return status;
}

// Documented messages (Seller API "Errors" section) that mean the key pair itself is wrong, or
// the per-second limit, whatever HTTP status carries them (a wrong pair is reported as 404).
const BAD_KEY = /invalid api-?key|api-?key is deactivated|client-?id header/i;
const RATE_LIMIT = /request rate limit/i;

/**
 * 403 is Ozon's answer both to a missing Premium Plus subscription and to a send outside the
 * allowed window: a PermissionError carrying Ozon's own message (it says which). An invalid or
 * deactivated key is an AuthError and the per-second limit a RateLimitError, by their messages.
 * 429, 404, 409, 400 and 5xx otherwise take the pipeline's mapping by status, which reads the
 * same rpcStatus body.
 */
export const ozonMapError: MapError = (response): SellerChatError | undefined => {
  const rpc = parseOzonRpcStatus(response.data);
  const badKey = BAD_KEY.test(rpc?.message ?? '');
  if (RATE_LIMIT.test(rpc?.message ?? '') && response.status !== 429) {
    return new RateLimitError(
      `Ozon ${response.spec.operation}: rate limited (HTTP ${response.status}): ${rpc?.message}`,
      {
        marketplace: 'ozon',
        operation: response.spec.operation,
        status: response.status,
        code: rpc?.code,
        marketplaceMessage: rpc?.message,
      },
    );
  }
  if (response.status !== 401 && response.status !== 403 && !badKey) return undefined;
  const operation = response.spec.operation;
  const details = {
    marketplace: 'ozon' as const,
    operation,
    status: response.status,
    code: rpc?.code,
    marketplaceMessage: rpc?.message ?? (response.text.trim().slice(0, 500) || undefined),
  };
  const types = rpc?.details.map((d) => d.typeUrl).filter(Boolean) ?? [];
  const tag = `HTTP ${response.status}${rpc?.code ? `, code ${rpc.code}` : ''}`;
  const said = details.marketplaceMessage ? `: ${details.marketplaceMessage}` : '';
  const extra = types.length > 0 ? ` (details: ${types.join(', ')})` : '';
  if (response.status === 401 || badKey) {
    return new AuthError(
      `Ozon ${operation}: authentication failed; check Client-Id and Api-Key (${tag})${said}${extra}`,
      details,
    );
  }
  return new PermissionError(
    `Ozon ${operation}: refused (${tag})${said}${extra}. Chats need Premium Plus and sends must fall within Ozon's windows`,
    details,
  );
};
