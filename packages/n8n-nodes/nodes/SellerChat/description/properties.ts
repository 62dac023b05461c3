import { CAPABILITIES, type Capabilities, MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import type { INodeProperties } from 'n8n-workflow';
import { OPERATIONS, RESOURCES } from '../actions/registry.js';
import type { FieldDef, OperationDef, Resource } from '../actions/types.js';
import { marketplaceProperty } from './marketplace.js';

function marketplacesWhere(test: (caps: Capabilities) => boolean): MarketplaceId[] {
  return MARKETPLACES.filter((m) => test(CAPABILITIES[m]));
}

function operationsOf(marketplace: MarketplaceId, resource: Resource): OperationDef[] {
  return OPERATIONS.filter((op) => op.resource === resource && op.supports(CAPABILITIES[marketplace]));
}

function resourceProperty(marketplace: MarketplaceId): INodeProperties | undefined {
  const resources = RESOURCES.filter((r) => operationsOf(marketplace, r.value).length > 0);
  const first = resources[0]?.value;
  if (first === undefined) return undefined;
  return {
    displayName: 'Resource',
    name: 'resource',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { marketplace: [marketplace] } },
    options: resources.map((r) => ({ name: r.name, value: r.value, description: r.description })),
    default: first,
  };
}

function operationProperty(marketplace: MarketplaceId, resource: Resource): INodeProperties | undefined {
  const ops = operationsOf(marketplace, resource);
  const first = (ops.find((op) => op.value === 'getAll') ?? ops[0])?.value;
  if (first === undefined) return undefined;
  const options = ops
    .map((op) => ({ name: op.name, value: op.value, action: op.action, description: op.description }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { marketplace: [marketplace], resource: [resource] } },
    options,
    default: first,
  };
}

function fieldProperty(op: OperationDef, fieldDef: FieldDef): INodeProperties | undefined {
  const marketplaces = marketplacesWhere((caps) => op.supports(caps) && (fieldDef.supports?.(caps) ?? true));
  if (marketplaces.length === 0) return undefined;
  const own = fieldDef.property.displayOptions?.show ?? {};
  return {
    ...fieldDef.property,
    displayOptions: {
      ...fieldDef.property.displayOptions,
      show: { ...own, marketplace: marketplaces, resource: [op.resource], operation: [op.value] },
    },
  };
}

/**
 * The node's parameters, generated from the core's capabilities descriptors: a marketplace only
 * ever sees the resources, operations and fields it can do.
 */
export function buildProperties(): INodeProperties[] {
  const properties: INodeProperties[] = [marketplaceProperty];
  for (const m of MARKETPLACES) {
    const resource = resourceProperty(m);
    if (resource) properties.push(resource);
  }
  for (const m of MARKETPLACES) {
    for (const r of RESOURCES) {
      const operation = operationProperty(m, r.value);
      if (operation) properties.push(operation);
    }
  }
  for (const op of OPERATIONS) {
    for (const fieldDef of op.fields) {
      const property = fieldProperty(op, fieldDef);
      if (property) properties.push(property);
    }
  }
  return properties;
}
