import type {
  ICredentialDataDecryptedObject,
  IExecuteFunctions,
  IHttpRequestOptions,
  INodeExecutionData,
  INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { buildNode, buildWorkflow, runNode } from './engine.js';
import { CREDENTIAL_CLASSES, type CredentialTypeName, registerNodeType } from './node-types.js';

const CHECK_TYPE = 'harness.credentialCheck';

/**
 * What n8n's credential tester does with a `test.request`: the request is sent through
 * httpRequestWithAuthentication (so the credential's `authenticate` applies) and any non-2xx
 * answer fails the test.
 */
class CredentialCheck implements INodeType {
  description = {
    displayName: 'Credential Check',
    name: 'credentialCheck',
    group: ['transform'],
    version: 1,
    description: 'Harness only',
    defaults: { name: 'Credential Check' },
    credentials: Object.keys(CREDENTIAL_CLASSES).map((name) => ({ name, required: false })),
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    properties: [
      { displayName: 'Credential Type', name: 'credentialType', type: 'string', default: '' },
      { displayName: 'Request', name: 'request', type: 'string', default: '{}' },
    ],
  } as INodeType['description'];

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const type = this.getNodeParameter('credentialType', 0) as string;
    const request = JSON.parse(this.getNodeParameter('request', 0) as string) as IHttpRequestOptions;
    const response = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
      ...request,
      returnFullResponse: true,
    })) as { statusCode: number };
    return [[{ json: { statusCode: response.statusCode } }]];
  }
}

registerNodeType(CHECK_TYPE, new CredentialCheck());

/** Resolves the `={{$credentials...}}` expressions of a credential's test request with n8n's expression engine. */
function resolveTestRequest(
  typeName: CredentialTypeName,
  data: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
  const test = CREDENTIAL_CLASSES[typeName].test;
  if (!test) throw new Error(`${typeName} has no test request`);
  const node = buildNode({ type: CHECK_TYPE, parameters: {}, credentials: {} });
  const { workflow } = buildWorkflow(node);
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(test.request)) {
    resolved[key] =
      typeof value === 'string' && value.startsWith('=')
        ? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: data })
        : value;
  }
  return resolved as unknown as IHttpRequestOptions;
}

export async function testCredential(
  typeName: CredentialTypeName,
  data: ICredentialDataDecryptedObject,
): Promise<{ ok: boolean; statusCode?: number; message?: string }> {
  // A failed test reports the HTTP status as statusCode, as n8n's tester shows it.
  const request = resolveTestRequest(typeName, data);
  const { items, error } = await runNode({
    type: CHECK_TYPE,
    name: 'Credential Check',
    parameters: { credentialType: typeName, request: JSON.stringify(request) },
    credentials: { [typeName]: data },
  });
  if (error) {
    const statusCode = error.httpCode ? Number(error.httpCode) : undefined;
    return {
      ok: false,
      ...(statusCode ? { statusCode } : {}),
      message: `${error.message} ${error.description ?? ''}`,
    };
  }
  return { ok: true, statusCode: items?.[0]?.json.statusCode as number };
}
