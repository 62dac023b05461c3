import { STOREDEN_BASE_URL } from '@sellerchat/core';
import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IHttpRequestOptions,
  INodeProperties,
} from 'n8n-workflow';
import { withCredentialHeaders } from './header-authentication.js';

export class SellerChatStoredenApi implements ICredentialType {
  name = 'sellerChatStoredenApi';

  displayName = 'SellerChat: Storeden API';

  icon = { light: 'file:../icons/sellerchat.svg', dark: 'file:../icons/sellerchat.dark.svg' } as const;

  documentationUrl = 'https://github.com/sellerchat/sellerchat/tree/main/packages/n8n-nodes#storeden';

  properties: INodeProperties[] = [
    {
      displayName: 'Key',
      name: 'key',
      type: 'string',
      default: '',
      required: true,
      description: 'The Connect API key (a READ & WRITE pair is needed to send messages)',
    },
    // The rule goes by the field's name; Storeden's exchange is the secret half of the key pair.
    // eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
    {
      displayName: 'Exchange',
      name: 'exchange',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'The exchange (secret) paired with that key',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: STOREDEN_BASE_URL,
      description:
        'The Connect API root, version included. Change it only to use another host, e.g. the SellerChat sandbox.',
    },
  ];

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    requestOptions: IHttpRequestOptions,
  ): Promise<IHttpRequestOptions> {
    return withCredentialHeaders(credentials, requestOptions, { key: 'key', exchange: 'exchange' });
  }

  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.baseUrl}}',
      url: '/messages/chat_list.json',
      method: 'GET',
    },
  };
}
