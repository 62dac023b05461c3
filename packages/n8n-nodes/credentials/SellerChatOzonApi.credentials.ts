import { OZON_BASE_URLS } from '@sellerchat/core';
import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IHttpRequestOptions,
  INodeProperties,
} from 'n8n-workflow';
import { withCredentialHeaders } from './header-authentication.js';

export class SellerChatOzonApi implements ICredentialType {
  name = 'sellerChatOzonApi';

  displayName = 'SellerChat: Ozon API';

  icon = { light: 'file:../icons/sellerchat.svg', dark: 'file:../icons/sellerchat.dark.svg' } as const;

  documentationUrl = 'https://github.com/sellerchat/sellerchat/tree/main/packages/n8n-nodes#ozon';

  properties: INodeProperties[] = [
    {
      displayName: 'Client ID',
      name: 'clientId',
      type: 'string',
      default: '',
      required: true,
      description: 'The Client-Id from the Ozon seller cabinet (Settings → Seller API)',
    },
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'The Api-Key generated for that Client-Id',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: OZON_BASE_URLS.production,
      description: 'The Seller API host. Change it only to use another host, e.g. the SellerChat sandbox.',
    },
  ];

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    requestOptions: IHttpRequestOptions,
  ): Promise<IHttpRequestOptions> {
    return withCredentialHeaders(credentials, requestOptions, {
      'Client-Id': 'clientId',
      'Api-Key': 'apiKey',
    });
  }

  // Listing chats needs no Premium Plus subscription, so it checks the key pair alone.
  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.baseUrl}}',
      url: '/v3/chat/list',
      method: 'POST',
      body: { filter: {}, limit: 1 },
      json: true,
    },
  };
}
