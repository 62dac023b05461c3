import type {
  ICredentialDataDecryptedObject,
  ICredentialsHelper,
  IDataObject,
  IHttpRequestOptions,
  INode,
  INodeCredentialsDetails,
  Workflow,
} from 'n8n-workflow';
import { CREDENTIAL_CLASSES, type CredentialTypeName } from './node-types.js';

function resolve(
  value: unknown,
  credentials: ICredentialDataDecryptedObject,
  workflow: Workflow,
  node: INode,
): unknown {
  if (typeof value !== 'string' || !value.startsWith('=')) return value;
  return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials });
}

/**
 * Applies a credential type's `authenticate` the way n8n's own CredentialsHelper does: a
 * function is called with the request options; a generic block has its `={{$credentials.x}}`
 * values resolved by the workflow's expression engine and merged into headers, qs and body.
 */
export async function applyAuthentication(
  credentials: ICredentialDataDecryptedObject,
  typeName: string,
  requestOptions: IHttpRequestOptions,
  workflow: Workflow,
  node: INode,
): Promise<IHttpRequestOptions> {
  const type = CREDENTIAL_CLASSES[typeName as CredentialTypeName];
  if (!type) throw new Error(`Unknown credential type ${typeName}`);
  const authenticate = type.authenticate;
  if (typeof authenticate === 'function') return authenticate.call(type, credentials, requestOptions);
  if (authenticate?.type !== 'generic') return requestOptions;
  const out: IHttpRequestOptions = { ...requestOptions };
  for (const [part, values] of Object.entries(authenticate.properties) as Array<[string, IDataObject]>) {
    const target = { ...((out as unknown as Record<string, IDataObject>)[part] ?? {}) };
    for (const [key, value] of Object.entries(values))
      target[key] = resolve(value, credentials, workflow, node) as string;
    (out as unknown as Record<string, IDataObject>)[part] = target;
  }
  return out;
}

/**
 * The engine's credentials seam: decrypted values come from the test, authentication is the
 * credential class's own.
 */
export function createCredentialsHelper(
  store: Partial<Record<CredentialTypeName, ICredentialDataDecryptedObject>>,
): ICredentialsHelper {
  const helper = {
    getParentTypes: () => [],
    isCredentialUsableByNode: () => true,
    authenticate: async (
      credentials: ICredentialDataDecryptedObject,
      typeName: string,
      requestOptions: IHttpRequestOptions,
      workflow: Workflow,
      node: INode,
    ) => applyAuthentication(credentials, typeName, requestOptions, workflow, node),
    preAuthentication: async () => undefined,
    runPreAuthentication: async () => undefined,
    getCredentials: async () => {
      throw new Error('not used by these tests');
    },
    getDecrypted: async (_additionalData: unknown, _details: INodeCredentialsDetails, type: string) => {
      const data = store[type as CredentialTypeName];
      if (!data) throw new Error(`No test credentials of type ${type}`);
      return { ...data };
    },
    updateCredentials: async () => undefined,
    updateCredentialsOauthTokenData: async () => undefined,
    getCredentialsProperties: (type: string) =>
      CREDENTIAL_CLASSES[type as CredentialTypeName]?.properties ?? [],
  };
  return helper as unknown as ICredentialsHelper;
}
