import type { SandboxResponse } from '../../types.js';

/**
 * Success envelope from the seeds: `{status:"success", message, data, metadata}`, where
 * `metadata` is `[]` unless the endpoint pages. `/chats/unseen` has no `metadata` key at all,
 * hence the explicit `'omit'`.
 */
export function success(
  status: number,
  message: string,
  data: unknown,
  metadata: unknown[] | Record<string, unknown> | 'omit' = [],
): SandboxResponse {
  const body: Record<string, unknown> = { status: 'success', message, data };
  if (metadata !== 'omit') body.metadata = metadata;
  return json(status, body);
}

/** Field name -> problems, Laravel style. The error envelope is undocumented (fidelity-metro.md). */
export type FieldErrors = Record<string, string[]>;

/** Thrown by endpoint code and turned into the (guessed) error envelope by the router. */
export class MetroError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'MetroError';
  }
}

/** 422 for one field: the message names the field and the rule it broke. */
export function invalid(field: string, problem: string): MetroError {
  return new MetroError(422, `Metro Markets validation failed: ${field} ${problem}`, { [field]: [problem] });
}

export function notFound(what: string): MetroError {
  return new MetroError(404, `${what} not found`);
}

export function errorResponse(error: MetroError): SandboxResponse {
  const body: Record<string, unknown> = { status: 'error', message: error.message };
  if (error.errors) body.errors = error.errors;
  return json(error.status, body, error.headers);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}
