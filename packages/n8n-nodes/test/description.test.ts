import { CAPABILITIES, MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { SellerChat } from '../nodes/SellerChat/SellerChat.node.js';

const description = new SellerChat().description;
const node = {
  id: 'n',
  name: 'SellerChat',
  type: 'sellerChat',
  typeVersion: 1,
  position: [0, 0] as [number, number],
  parameters: {},
};

/** Parameters n8n's editor shows for these values, decided by n8n's own displayOptions logic. */
function visible(values: INodeParameters): INodeProperties[] {
  return description.properties.filter((p) => NodeHelpers.displayParameter(values, p, node, description));
}

function optionValues(values: INodeParameters, name: string): string[] {
  const properties = visible(values).filter((p) => p.name === name);
  expect(
    properties.length,
    `${name} shown ${properties.length} times for ${JSON.stringify(values)}`,
  ).toBeLessThanOrEqual(1);
  return (properties[0]?.options ?? []).map((o) => String((o as { value: string }).value)).sort();
}

describe('SellerChat parameters follow the capabilities descriptors', () => {
  it('shows each marketplace exactly the operations it supports', () => {
    const expected: Record<MarketplaceId, Record<string, string[]>> = {
      metro: {
        chat: ['get', 'getAll', 'getUnseen', 'markRead', 'start'],
        message: ['get', 'getAll', 'send'],
        file: ['send', 'upload'],
        metro: ['emailsExist', 'getCategories', 'getSubjects'],
      },
      yandex: { chat: ['get', 'getAll', 'start'], message: ['get', 'getAll', 'send'], file: ['send'] },
      ozon: {
        chat: ['get', 'getAll', 'getUnseen', 'markRead', 'start'],
        message: ['getAll', 'send'],
        file: ['send'],
      },
      storeden: { chat: ['get', 'getAll'], message: ['getAll', 'send'] },
    };
    for (const marketplace of MARKETPLACES) {
      expect(optionValues({ marketplace }, 'resource')).toEqual(Object.keys(expected[marketplace]).sort());
      for (const [resource, operations] of Object.entries(expected[marketplace])) {
        expect(optionValues({ marketplace, resource }, 'operation'), `${marketplace} ${resource}`).toEqual(
          operations,
        );
      }
    }
  });

  it('derives those operations from the descriptors, not from the marketplace name', () => {
    for (const marketplace of MARKETPLACES) {
      const caps = CAPABILITIES[marketplace];
      const chatOps = optionValues({ marketplace, resource: 'chat' }, 'operation');
      expect(chatOps.includes('markRead')).toBe(caps.markRead !== 'none');
      expect(chatOps.includes('start')).toBe(caps.startChat !== 'none');
      expect(chatOps.includes('getUnseen')).toBe(caps.listUnseen);
      expect(optionValues({ marketplace, resource: 'message' }, 'operation').includes('get')).toBe(
        caps.getMessage,
      );
      expect(optionValues({ marketplace, resource: 'file' }, 'operation').includes('send')).toBe(
        caps.sendFile !== 'none',
      );
    }
  });

  it('shows marketplace-specific fields only where the marketplace can use them', () => {
    const names = (values: INodeParameters) => visible(values).map((p) => p.name);
    // Files travel with a text only on Metro.
    for (const marketplace of MARKETPLACES) {
      expect(
        names({ marketplace, resource: 'message', operation: 'send' }).includes('attachmentProperties'),
      ).toBe(CAPABILITIES[marketplace].attachmentsWithText);
    }
    // Mark read stops at a message only where marking is explicit (Ozon).
    expect(names({ marketplace: 'ozon', resource: 'chat', operation: 'markRead' })).toContain(
      'upToMessageId',
    );
    expect(names({ marketplace: 'metro', resource: 'chat', operation: 'markRead' })).not.toContain(
      'upToMessageId',
    );
    // Starting a chat asks for what each marketplace starts it by.
    expect(names({ marketplace: 'ozon', resource: 'chat', operation: 'start' })).toEqual(
      expect.arrayContaining(['postingNumber']),
    );
    expect(names({ marketplace: 'ozon', resource: 'chat', operation: 'start' })).not.toContain('orderId');
    expect(
      names({ marketplace: 'yandex', resource: 'chat', operation: 'start', startFor: 'return' }),
    ).toContain('returnId');
    expect(names({ marketplace: 'metro', resource: 'chat', operation: 'start' })).toEqual(
      expect.arrayContaining(['orderId', 'categoryId', 'startOptions']),
    );
    // Storeden has no attachments to download.
    expect(names({ marketplace: 'storeden', resource: 'message', operation: 'getAll' })).not.toContain(
      'downloadAttachments',
    );
    expect(names({ marketplace: 'yandex', resource: 'message', operation: 'getAll' })).toContain(
      'downloadAttachments',
    );
  });

  it('offers each marketplace only the chat-list filters its API honours', () => {
    const filters = (marketplace: MarketplaceId) =>
      visible({ marketplace, resource: 'chat', operation: 'getAll' })
        .filter((p) => p.name === 'filters')
        .flatMap((p) => (p.options ?? []).map((o) => (o as INodeProperties).name))
        .sort();
    expect(filters('metro')).toEqual(['lastMessageFrom', 'orderId', 'statuses', 'unreadOnly']);
    expect(filters('ozon')).toEqual(['statuses', 'unreadOnly']);
    expect(filters('storeden')).toEqual(['lastMessageFrom']);
  });

  it('is usable as an AI agent tool, with a description on every operation', () => {
    expect(description.usableAsTool).toBe(true);
    const operations = description.properties.filter((p) => p.name === 'operation');
    for (const op of operations.flatMap((p) => p.options ?? [])) {
      expect((op as { description?: string }).description?.length ?? 0).toBeGreaterThan(30);
    }
  });
});
