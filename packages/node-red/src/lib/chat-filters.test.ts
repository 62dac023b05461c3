import { capabilitiesOf } from '@sellerchat/core';
import { describe, expect, it } from 'vitest';
import { chatFilters } from './chat-filters.js';

const yandex = capabilitiesOf('yandex');
const ozon = capabilitiesOf('ozon');
const storeden = capabilitiesOf('storeden');

describe('chatFilters', () => {
  it('takes the node’s filters, each overridden by the msg property of the same name', () => {
    const config = {
      unreadOnly: true,
      statuses: ['closed'],
      lastMessageFrom: '2026-11-01T00:00:00Z',
      orderId: ' 7 ',
    };
    expect(chatFilters(yandex, config, {})).toEqual({
      unreadOnly: true,
      statuses: ['closed'],
      lastMessageFrom: '2026-11-01T00:00:00.000Z',
      orderId: '7',
    });
    expect(
      chatFilters(yandex, config, {
        statuses: 'new, waiting_for_seller',
        lastMessageFrom: Date.UTC(2026, 10, 2),
        orderId: 8,
      }),
    ).toEqual({
      unreadOnly: true,
      statuses: ['new', 'waiting_for_seller'],
      lastMessageFrom: '2026-11-02T00:00:00.000Z',
      orderId: '8',
    });
  });

  it('leaves out what is empty', () => {
    expect(chatFilters(ozon, { statuses: [], lastMessageFrom: '', orderId: '' }, {})).toEqual({});
  });

  it('refuses a filter the marketplace cannot apply, naming field, filters and marketplace', () => {
    expect(() => chatFilters(ozon, {}, { orderId: '123' })).toThrow(
      expect.objectContaining({
        kind: 'validation',
        field: 'orderId',
        marketplace: 'ozon',
        limit: 'filters: unread only, status',
        message: 'Ozon: its chat list cannot be filtered by order',
      }),
    );
    expect(() => chatFilters(storeden, { unreadOnly: true }, {})).toThrow(
      expect.objectContaining({ field: 'unreadOnly', marketplace: 'storeden' }),
    );
  });

  it('refuses an unknown status and a time without its zone', () => {
    expect(() => chatFilters(yandex, {}, { statuses: ['open'] })).toThrow(
      expect.objectContaining({
        field: 'statuses',
        marketplace: 'yandex',
        message: expect.stringContaining('"open"'),
      }),
    );
    expect(() => chatFilters(yandex, { lastMessageFrom: '2026-11-01 10:00' }, {})).toThrow(
      expect.objectContaining({ field: 'lastMessageFrom', marketplace: 'yandex' }),
    );
  });
});
