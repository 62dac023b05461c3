import type { Capabilities, MarketplaceClient, MarketplaceId } from '@sellerchat/core';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

export type Resource = 'chat' | 'message' | 'file' | 'metro';

export interface OperationContext {
  fn: IExecuteFunctions;
  client: MarketplaceClient;
  marketplace: MarketplaceId;
  caps: Capabilities;
  itemIndex: number;
}

/** A parameter of an operation, shown only for the marketplaces whose capabilities pass `supports`. */
export interface FieldDef {
  property: INodeProperties;
  supports?: (caps: Capabilities) => boolean;
}

/**
 * One resource/operation of the SellerChat node. `supports` reads the core's capabilities
 * descriptor: the editor hides the operation where it is false, and execution refuses it there
 * before any request is made.
 */
export interface OperationDef {
  resource: Resource;
  value: string;
  name: string;
  action: string;
  /** Written for people and for AI agents choosing a tool. */
  description: string;
  supports: (caps: Capabilities) => boolean;
  fields: FieldDef[];
  /** Items without pairedItem: the node adds it. */
  execute: (op: OperationContext) => Promise<INodeExecutionData[]>;
}
