import type { MarketplaceId } from '../model/marketplace.js';

export type ErrorKind =
  | 'validation'
  | 'auth'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'network'
  | 'timeout'
  | 'not_supported'
  | 'marketplace';

export interface ErrorDetails {
  marketplace?: MarketplaceId;
  /** The client operation, e.g. `sendText`, `listChats`. */
  operation?: string;
  status?: number;
  /** The marketplace's own error code, as it sent it. */
  code?: string;
  /** The marketplace's own error message, as it sent it (after redaction). */
  marketplaceMessage?: string;
  cause?: unknown;
}

/**
 * Base of every error the core throws. Hosts switch on `kind` (stable, serialisable) rather than
 * on classes, because errors cross process and bundle boundaries (n8n bundles its own core copy).
 */
export class SellerChatError extends Error {
  readonly kind: ErrorKind;
  readonly marketplace?: MarketplaceId;
  readonly operation?: string;
  readonly status?: number;
  readonly code?: string;
  readonly marketplaceMessage?: string;

  constructor(kind: ErrorKind, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SellerChatError';
    this.kind = kind;
    this.marketplace = details.marketplace;
    this.operation = details.operation;
    this.status = details.status;
    this.code = details.code;
    this.marketplaceMessage = details.marketplaceMessage;
  }

  /** Plain data for logs and node outputs; never includes the cause (it may hold a request). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      marketplace: this.marketplace,
      operation: this.operation,
      status: this.status,
      code: this.code,
      marketplaceMessage: this.marketplaceMessage,
    };
  }
}

export interface ValidationDetails extends ErrorDetails {
  field: string;
  /** The limit that was broken, e.g. `4096 characters`, `10 files`, `one of image/png, ...`. */
  limit?: string;
}

export class ValidationError extends SellerChatError {
  readonly field: string;
  readonly limit?: string;
  constructor(message: string, details: ValidationDetails) {
    super('validation', message, details);
    this.name = 'ValidationError';
    this.field = details.field;
    this.limit = details.limit;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, limit: this.limit };
  }
}

export class AuthError extends SellerChatError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('auth', message, details);
    this.name = 'AuthError';
  }
}

/** Authenticated but not allowed: read-only key, Ozon Premium Plus gate, Ozon send window. */
export class PermissionError extends SellerChatError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('permission', message, details);
    this.name = 'PermissionError';
  }
}

export class NotFoundError extends SellerChatError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('not_found', message, details);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends SellerChatError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('conflict', message, details);
    this.name = 'ConflictError';
  }
}

export class RateLimitError extends SellerChatError {
  /** How long the marketplace asked us to wait; undefined when it did not say. */
  readonly retryAfterMs?: number;
  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number } = {}) {
    super('rate_limit', message, details);
    this.name = 'RateLimitError';
    this.retryAfterMs = details.retryAfterMs;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** The request may or may not have reached the marketplace (reset, DNS, refused). */
export class NetworkError extends SellerChatError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('network', message, details);
    this.name = 'NetworkError';
  }
}

export class TimeoutError extends SellerChatError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('timeout', message, details);
    this.name = 'TimeoutError';
  }
}

export class NotSupportedError extends SellerChatError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('not_supported', message, details);
    this.name = 'NotSupportedError';
  }
}

/** Anything else the marketplace answered with: 5xx, unparseable bodies, unknown codes. */
export class MarketplaceError extends SellerChatError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('marketplace', message, details);
    this.name = 'MarketplaceError';
  }
}

export function isSellerChatError(value: unknown): value is SellerChatError {
  return value instanceof SellerChatError;
}
