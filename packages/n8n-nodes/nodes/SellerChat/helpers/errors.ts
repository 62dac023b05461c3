import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** The core's typed error, read by shape: the bundled core's classes are not n8n's to check. */
interface CoreError {
  name: string;
  kind: string;
  message: string;
  marketplace?: string;
  operation?: string;
  status?: number;
  code?: string;
  marketplaceMessage?: string;
  field?: string;
  limit?: string;
  retryAfterMs?: number;
}

export function isCoreError(error: unknown): error is CoreError {
  return error instanceof Error && typeof (error as { kind?: unknown }).kind === 'string';
}

/** What an error says in a continue-on-fail item: the core's public fields, never its cause. */
export function errorJson(error: unknown): IDataObject {
  if (isCoreError(error)) {
    const out: IDataObject = { error: error.message, kind: error.kind };
    for (const key of [
      'marketplace',
      'operation',
      'status',
      'code',
      'marketplaceMessage',
      'field',
      'limit',
      'retryAfterMs',
    ] as const) {
      if (error[key] !== undefined) out[key] = error[key];
    }
    return out;
  }
  return { error: error instanceof Error ? error.message : String(error) };
}

const INPUT_KINDS = new Set(['validation', 'not_supported']);

/**
 * Bad input and unsupported operations are the user's to fix (NodeOperationError); everything
 * the marketplace answered or failed to answer is a NodeApiError carrying its status and its own
 * message. The core has already redacted secrets from both.
 */
export function toNodeError(
  node: INode,
  error: unknown,
  itemIndex?: number,
): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  if (!isCoreError(error)) {
    return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
  }
  const description = [
    // n8n swaps a message naming a network code (ECONNREFUSED...) for its own wording; keep ours here.
    error.kind === 'network' || error.kind === 'timeout' ? `No answer: ${error.message}` : undefined,
    error.marketplaceMessage ? `The marketplace said: ${error.marketplaceMessage}` : undefined,
    error.code ? `Code: ${error.code}` : undefined,
    error.limit ? `Limit: ${error.limit}` : undefined,
    error.retryAfterMs !== undefined ? `Retry after ${Math.ceil(error.retryAfterMs / 1000)} s` : undefined,
  ]
    .filter(Boolean)
    .join('. ');
  if (INPUT_KINDS.has(error.kind)) {
    return new NodeOperationError(node, error.message, { itemIndex, description: description || undefined });
  }
  return new NodeApiError(node, errorJson(error) as JsonObject, {
    message: error.message,
    description: description || undefined,
    httpCode: error.status === undefined ? undefined : String(error.status),
    itemIndex,
  });
}
