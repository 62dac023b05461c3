import type { SandboxResponse } from '../../types.js';

/** gRPC status codes: rpcStatus.code carries one (grpc-gateway); the mapping per HTTP status is ours. */
export const GRPC = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

const CODE_FOR_STATUS: Record<number, number> = {
  400: GRPC.INVALID_ARGUMENT,
  401: GRPC.UNAUTHENTICATED,
  403: GRPC.PERMISSION_DENIED,
  404: GRPC.NOT_FOUND,
  405: GRPC.UNIMPLEMENTED,
  409: GRPC.ALREADY_EXISTS,
  413: GRPC.INVALID_ARGUMENT,
  429: GRPC.RESOURCE_EXHAUSTED,
  500: GRPC.INTERNAL,
  502: GRPC.UNAVAILABLE,
  503: GRPC.UNAVAILABLE,
  504: GRPC.DEADLINE_EXCEEDED,
};

/** Thrown anywhere in a handler; the module turns it into an rpcStatus body. */
export class OzonHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: number = CODE_FOR_STATUS[status] ?? GRPC.INTERNAL,
  ) {
    super(message);
  }
}

/** rpcStatus: {code, message, details: []} (O-SPEC components.schemas.rpcStatus). */
export function rpcError(status: number, message: string, code?: number): SandboxResponse {
  return { status, body: { code: code ?? CODE_FOR_STATUS[status] ?? GRPC.INTERNAL, message, details: [] } };
}

export function badRequest(message: string): OzonHttpError {
  return new OzonHttpError(400, message);
}
