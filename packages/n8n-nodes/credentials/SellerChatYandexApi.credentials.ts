import { YANDEX_BASE_URLS } from '@sellerchat/core';
import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IHttpRequestOptions,
  INodeProperties,
} from 'n8n-workflow';
import { withCredentialHeaders } from './header-authentication.js';

export class SellerChatYandexApi implements ICredentialType {
  name = 'sellerChatYandexApi';

  displayName = 'SellerChat: Yandex Market API';

  icon = { light: 'file:../icons/sellerchat.svg', dark: 'file:../icons/sellerchat.dark.svg' } as const;

  documentationUrl = 'https://github.com/sellerchat/sellerchat/tree/main/packages/n8n-nodes#yandex-market';

  properties: INodeProperties[] = [
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description:
        'An Api-Key token from the cabinet (Settings → API and modules), with the "communication" or "all methods" scope',
    },
    {
      displayName: 'Business ID',
      name: 'businessId',
      type: 'string',
      default: '',
      required: true,
      description: 'The cabinet (business) ID: every chat belongs to a business',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: YANDEX_BASE_URLS.production,
      description: 'The Partner API host. Change it only to use another host, e.g. the SellerChat sandbox.',
    },
  ];

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    requestOptions: IHttpRequestOptions,
  ): Promise<IHttpRequestOptions> {
    return withCredentialHeaders(credentials, requestOptions, { 'Api-Key': 'apiKey' });
  }

  // Listing one chat of the business checks the key, its scope and the business ID together.
  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.baseUrl}}',
      url: '=/v2/businesses/{{$credentials.businessId}}/chats?limit=1',
      method: 'POST',
      // Every filter is nullable; an empty object would be dropped and sent as no body at all.
      body: { statuses: null },
      json: true,
    },
  };
}
