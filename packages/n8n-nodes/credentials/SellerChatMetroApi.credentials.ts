import { METRO_BASE_URLS, type MetroEnvironment, metroSignature, metroStringToSign } from '@sellerchat/core';
import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IDataObject,
  IHttpRequestOptions,
  INodeProperties,
} from 'n8n-workflow';

function hostOf(credentials: ICredentialDataDecryptedObject): string {
  const custom = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
  const environment = (credentials.environment as MetroEnvironment | undefined) ?? 'production';
  return (custom || METRO_BASE_URLS[environment] || METRO_BASE_URLS.production).replace(/\/+$/, '');
}

/** The URL exactly as it will be sent: Metro signs the full URL, query included. */
function fullUrl(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions): string {
  const base = options.baseURL ? options.baseURL.replace(/\/+$/, '') : hostOf(credentials);
  const url = new URL(/^https?:\/\//i.test(options.url) ? options.url : `${base}${options.url}`);
  const query = options.qs ?? {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(one));
  }
  return url.toString();
}

/**
 * The body as Metro signs it: the text that goes on the wire. n8n sends no body for GET and
 * none for an empty object (its declarative requests start with `body: {}`), so those sign ''.
 * Multipart uploads are signed over an empty body, as the core does.
 */
function bodyText(options: IHttpRequestOptions): string {
  const { body } = options;
  const method = (options.method ?? 'GET').toUpperCase();
  if (body === undefined || body === null || body === '' || method === 'GET' || method === 'HEAD') return '';
  if (typeof body === 'string') return body;
  if (body instanceof FormData || body instanceof URLSearchParams || Buffer.isBuffer(body)) return '';
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return '';
  return JSON.stringify(body);
}

export class SellerChatMetroApi implements ICredentialType {
  name = 'sellerChatMetroApi';

  displayName = 'SellerChat: Metro Markets API';

  icon = { light: 'file:../icons/sellerchat.svg', dark: 'file:../icons/sellerchat.dark.svg' } as const;

  documentationUrl = 'https://github.com/sellerchat/sellerchat/tree/main/packages/n8n-nodes#metro-markets';

  properties: INodeProperties[] = [
    {
      displayName: 'Client Key',
      name: 'clientKey',
      type: 'string',
      default: '',
      required: true,
      description: 'The Client Key from Metro Seller Office (Settings → API), sent as X-Client-Id',
    },
    {
      displayName: 'Client Secret',
      name: 'clientSecret',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'The Client Secret that signs every request. It is never sent.',
    },
    {
      displayName: 'Environment',
      name: 'environment',
      type: 'options',
      options: [
        { name: 'Production', value: 'production' },
        { name: 'Pre-Production', value: 'preproduction' },
        { name: 'Sandbox', value: 'sandbox' },
      ],
      default: 'production',
      description: 'Metro issues keys per environment: pick the one your keys belong to',
    },
    {
      displayName: 'Signature Encoding',
      name: 'signatureEncoding',
      type: 'options',
      options: [
        { name: 'Base64', value: 'base64' },
        { name: 'Hex', value: 'hex' },
      ],
      default: 'base64',
      description:
        "How the HMAC-SHA256 signature is written. Metro's text says base64, its PHP sample hex: switch if requests are refused.",
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: '',
      placeholder: METRO_BASE_URLS.production,
      description:
        "Leave empty for the chosen environment's host. Set it to use another host, e.g. the SellerChat sandbox (http://127.0.0.1:4010/metro).",
    },
  ];

  /**
   * Metro signs METHOD\nFULL_URL\nBODY\nTIMESTAMP with HMAC-SHA256, using the core's signing
   * function, so the node and every other SellerChat host sign alike.
   */
  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    requestOptions: IHttpRequestOptions,
  ): Promise<IHttpRequestOptions> {
    const url = fullUrl(credentials, requestOptions);
    const method = (requestOptions.method ?? 'GET').toUpperCase();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const encoding = credentials.signatureEncoding === 'hex' ? 'hex' : 'base64';
    const toSign = metroStringToSign(method, url, bodyText(requestOptions), timestamp);
    const headers: IDataObject = {
      ...(requestOptions.headers ?? {}),
      Accept: 'application/json',
      'X-Client-Id': String(credentials.clientKey ?? ''),
      'X-Timestamp': timestamp,
      'X-Signature': metroSignature(String(credentials.clientSecret ?? ''), toSign, encoding),
    };
    // The query is now part of the signed URL; sending it again as `qs` would change the URL.
    const signed: IHttpRequestOptions = { ...requestOptions, url, headers };
    delete signed.qs;
    delete signed.baseURL;
    return signed;
  }

  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.baseUrl}}',
      url: '/openapi/v1/chat-categories',
      method: 'GET',
    },
  };
}
