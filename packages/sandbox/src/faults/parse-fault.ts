import { badInput } from '../control/control-error.js';
import { asObject, readInteger, readString, rejectUnknownKeys } from '../control/control-input.js';
import type { MarketplaceId } from '../types.js';
import { FAULT_KINDS, type FaultKind, type FaultSpec } from './fault-types.js';

const STATUS_CODES = [500, 502, 503] as const;
const RATE_LIMIT_CODES = [429, 420, 509] as const;
const MAX_LATENCY_MS = 120_000;

/** Validates a fault from the control API; the error names the field and what is allowed. */
export function parseFault(value: unknown, marketplaces: readonly MarketplaceId[]): FaultSpec {
  const input = asObject(value, 'fault');
  const kind = readString(input, 'kind', { required: true }) as FaultKind;
  if (!FAULT_KINDS.includes(kind)) {
    throw badInput(`fault.kind must be one of ${FAULT_KINDS.join(', ')} (got "${kind}")`);
  }
  const common = ['marketplace', 'path', 'method', 'times', 'kind'];
  const extra: Record<FaultKind, string[]> = {
    latency: ['ms'],
    status: ['status', 'body'],
    'rate-limit': ['status', 'retryAfter'],
    reset: [],
    truncated: [],
    html: [],
    'lost-response': [],
  };
  rejectUnknownKeys(input, [...common, ...extra[kind]], `fault of kind ${kind}`);

  const marketplace = readString(input, 'marketplace');
  if (marketplace !== undefined && !marketplaces.includes(marketplace as MarketplaceId)) {
    throw badInput(`fault.marketplace must be one of ${marketplaces.join(', ')} (got "${marketplace}")`);
  }
  const path = readString(input, 'path');
  if (path !== undefined && !path.startsWith('/') && path !== '*') {
    throw badInput(`fault.path must start with "/" (the path below the marketplace base, got "${path}")`);
  }
  const method = readString(input, 'method')?.toUpperCase();
  const times = readInteger(input, 'times', { min: 1, max: 1_000_000 });
  const base = {
    ...(marketplace !== undefined ? { marketplace: marketplace as MarketplaceId } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(method !== undefined ? { method } : {}),
    ...(times !== undefined ? { times } : {}),
  };

  switch (kind) {
    case 'latency': {
      const ms = readInteger(input, 'ms', { min: 0, max: MAX_LATENCY_MS });
      if (ms === undefined) throw badInput(`fault.ms is required for latency (0 to ${MAX_LATENCY_MS})`);
      return { ...base, kind, ms };
    }
    case 'status': {
      const status = input.status;
      if (!STATUS_CODES.includes(status as never)) {
        throw badInput(`fault.status must be one of ${STATUS_CODES.join(', ')} for kind status`);
      }
      return {
        ...base,
        kind,
        status: status as 500 | 502 | 503,
        ...(input.body !== undefined ? { body: input.body } : {}),
      };
    }
    case 'rate-limit': {
      const status = input.status ?? 429;
      if (!RATE_LIMIT_CODES.includes(status as never)) {
        throw badInput(`fault.status must be one of ${RATE_LIMIT_CODES.join(', ')} for kind rate-limit`);
      }
      const retryAfter = input.retryAfter;
      if (
        retryAfter !== undefined &&
        !(typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0) &&
        !(typeof retryAfter === 'string' && !Number.isNaN(Date.parse(retryAfter)))
      ) {
        throw badInput('fault.retryAfter must be whole seconds (a number ≥ 0) or an HTTP date string');
      }
      return {
        ...base,
        kind,
        status: status as 429 | 420 | 509,
        ...(retryAfter !== undefined ? { retryAfter: retryAfter as number | string } : {}),
      };
    }
    default:
      return { ...base, kind } as FaultSpec;
  }
}
