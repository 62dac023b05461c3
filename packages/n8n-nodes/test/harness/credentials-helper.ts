import type {
  ICredentialDataDecryptedObject,
  ICredentialsHelper,
  IHttpRequestOptions,
  INodeCredentialsDetails,
} from 'n8n-workflow';
import { CREDENTIAL_CLASSES, type CredentialTypeName } from './node-types.js';

/**
 * Applies a credential type's `authenticate` the way n8n's own CredentialsHelper does for a
 * function. Every SellerChat credential authenticates in code (credentials/header-authentication.ts
 * says why), so a declarative block, which n8n resolves in the expression isolate, is refused here.
 */
export async function applyAuthentication(
  credentials: ICredentialDataDecryptedObject,
  typeName: string,
  requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
  const type = CREDENTIAL_CLASSES[typeName as CredentialTypeName];
  if (!type) throw new Error(`Unknown credential type ${typeName}`);
  const authenticate: unknown = type.authenticate;
  if (typeof authenticate !== 'function')
    throw new Error(`${typeName}: authenticate must be a function, not a declarative block`);
  return authenticate.call(type, credentials, requestOptions);
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
    ) => applyAuthentication(credentials, typeName, requestOptions),
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
