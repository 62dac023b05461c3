import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * Puts credential fields into request headers as plain code, not as a declarative
 * `authenticate` block. n8n 2.x resolves a block's `={{$credentials.x}}` in the workflow's pooled
 * expression isolate, and its poll executor releases that isolate as soon as *any* poll trigger
 * of the workflow finishes; a second SellerChat Trigger of the same workflow still polling then
 * failed with "No bridge acquired for this context" (test/poll-trigger-shared-isolate.test.ts).
 */
export function withCredentialHeaders(
  credentials: ICredentialDataDecryptedObject,
  requestOptions: IHttpRequestOptions,
  headerFields: Record<string, string>,
): IHttpRequestOptions {
  const headers = { ...(requestOptions.headers ?? {}) };
  for (const [header, field] of Object.entries(headerFields))
    headers[header] = String(credentials[field] ?? '');
  return { ...requestOptions, headers };
}
