import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { SellerChatMetroApi } from '../../credentials/SellerChatMetroApi.credentials.js';
import { SellerChatOzonApi } from '../../credentials/SellerChatOzonApi.credentials.js';
import { SellerChatStoredenApi } from '../../credentials/SellerChatStoredenApi.credentials.js';
import { SellerChatYandexApi } from '../../credentials/SellerChatYandexApi.credentials.js';
import { SellerChat } from '../../nodes/SellerChat/SellerChat.node.js';
import { SellerChatPushTrigger } from '../../nodes/SellerChatPushTrigger/SellerChatPushTrigger.node.js';
import { SellerChatTrigger } from '../../nodes/SellerChatTrigger/SellerChatTrigger.node.js';

/** The package prefix n8n gives nodes installed from the Community Nodes screen. */
export const PACKAGE = 'n8n-nodes-sellerchat';

export const TYPES = {
  action: `${PACKAGE}.sellerChat`,
  poll: `${PACKAGE}.sellerChatTrigger`,
  push: `${PACKAGE}.sellerChatPushTrigger`,
} as const;

export const CREDENTIAL_CLASSES = {
  sellerChatMetroApi: new SellerChatMetroApi(),
  sellerChatYandexApi: new SellerChatYandexApi(),
  sellerChatOzonApi: new SellerChatOzonApi(),
  sellerChatStoredenApi: new SellerChatStoredenApi(),
};

export type CredentialTypeName = keyof typeof CREDENTIAL_CLASSES;

/** What our nodes' items look like at the end of a test: plain data. */
export type Json = IDataObject;

const registry: Record<string, INodeType | IVersionedNodeType> = {
  [TYPES.action]: new SellerChat(),
  [TYPES.poll]: new SellerChatTrigger(),
  [TYPES.push]: new SellerChatPushTrigger(),
};

/** The node-type registry n8n's Workflow asks for each node: ours, as a community package would load them. */
export const nodeTypes: INodeTypes = {
  getByName: (type: string): INodeType | IVersionedNodeType => {
    const found = registry[type];
    if (!found) throw new Error(`Unknown node type ${type}`);
    return found;
  },
  getByNameAndVersion: (type: string, version?: number): INodeType =>
    NodeHelpers.getVersionedNodeType(nodeTypes.getByName(type), version),
  getKnownTypes: () => ({}),
};

/** Node types beyond ours: harness-only ones (the credential tester) and n8n's core nodes. */
export function registerNodeType(type: string, nodeType: INodeType | IVersionedNodeType): void {
  registry[type] = nodeType;
}

export function nodeTypeOf(type: string): INodeType {
  return nodeTypes.getByNameAndVersion(type);
}
