import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { route } from './actions/router.js';
import { marketplaceCredentials } from './description/marketplace.js';
import { buildProperties } from './description/properties.js';

export class SellerChat implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SellerChat',
    name: 'sellerChat',
    icon: { light: 'file:../../icons/sellerchat.svg', dark: 'file:../../icons/sellerchat.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle:
      '={{$parameter["marketplace"] + ": " + $parameter["resource"] + " → " + $parameter["operation"]}}',
    description:
      'Answer marketplace buyers: list and read chats, send messages and files, start chats, mark read (Metro Markets, Yandex Market, Ozon, Storeden)',
    defaults: { name: 'SellerChat' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: marketplaceCredentials,
    properties: buildProperties(),
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return route(this);
  }
}
