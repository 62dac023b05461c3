import { describe, expect, it } from 'vitest';
import { categoriesResponse, createChatResponse } from './seed-examples.js';
import { shapeDifferences } from './shape.js';

const chat = createChatResponse.data;

describe('shape comparer', () => {
  it('finds no difference between an example and itself', () => {
    expect(shapeDifferences(createChatResponse, createChatResponse)).toEqual([]);
    expect(shapeDifferences(categoriesResponse, categoriesResponse, { recursiveKeys: ['children'] })).toEqual(
      [],
    );
  });

  it('reports a wrong type, a missing key and an extra key in a deliberately wrong Chat', () => {
    const { isSeen: _dropped, ...withoutIsSeen } = chat;
    const wrong = {
      ...withoutIsSeen,
      unseenMessagesCount: '0',
      organisation: {},
      order: { ...chat.order, id: 7 },
    };
    expect(shapeDifferences(wrong, chat).sort()).toEqual([
      '$.isSeen: missing',
      '$.order.id: number, the example has string',
      '$.organisation: not in the example',
      '$.unseenMessagesCount: string, the example has number',
    ]);
  });

  it('treats null as null unless told a path may also hold another kind', () => {
    const withSubject = { ...chat, customSubject: 'text' };
    expect(shapeDifferences(withSubject, chat)).toEqual(['$.customSubject: string, the example has null']);
    expect(shapeDifferences(withSubject, chat, { nullableAs: { '.customSubject': 'string' } })).toEqual([]);
  });

  it('checks every array item and every tree level, and refuses items where the example shows only []', () => {
    const deep = structuredClone(categoriesResponse) as {
      data: Array<{ children: Array<{ children: unknown[] }> }>;
    };
    deep.data[0]?.children[0]?.children.push({
      id: '211',
      key: 'X',
      parentId: 210,
      translations: [],
      children: [],
    });
    expect(shapeDifferences(deep, categoriesResponse, { recursiveKeys: ['children'] })).toEqual([
      '$.data[0].children[0].children[0].id: string, the example has number',
    ]);
    const withMetadata = { ...createChatResponse, metadata: [1] };
    expect(shapeDifferences(withMetadata, createChatResponse)).toEqual([
      '$.metadata: has items, the example only shows an empty array',
    ]);
  });

  it('lets an open object carry more keys only of the example keys’ kinds', () => {
    const example = { t: [{ en: 'a', de: 'b' }] };
    const options = { openObjects: ['.t[0]'] };
    expect(shapeDifferences({ t: [{ en: 'a', de: 'b', fr: 'c' }] }, example, options)).toEqual([]);
    expect(shapeDifferences({ t: [{ en: 'a', de: 'b', fr: 1 }] }, example, options)).toEqual([
      "$.t[0].fr: number, the example's keys are string",
    ]);
    expect(shapeDifferences({ t: [{ en: 'a' }] }, example, options)).toEqual(['$.t[0].de: missing']);
  });
});
