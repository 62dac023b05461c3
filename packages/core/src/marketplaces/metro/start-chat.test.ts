import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import { parseJson } from '../../json/lossless.js';
import { startChatBody } from './start-chat.js';
import type { MetroCategory, MetroEnvelope, MetroSubjects } from './wire.js';

function fixture<T>(name: string): T {
  return parseJson(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as T;
}
const categories = fixture<MetroEnvelope<MetroCategory[]>>('chat-categories.json').data!;
const subjects = fixture<MetroEnvelope<MetroSubjects>>('chat-subjects.json').data!;

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
  return undefined;
}

describe('startChatBody', () => {
  it('sends the category as a number and keeps subject fields as given (the seed request)', () => {
    expect(
      startChatBody({
        orderId: 'o-1',
        categoryId: '242',
        subject: 'OTHERS',
        customSubject: 'Invoice correction request',
      }),
    ).toEqual(fixture('initiate-chat-request.json'));
  });

  it('checks a category against the known tree: leaf only', () => {
    expect(startChatBody({ orderId: 'o-1', categoryId: '210' }, { categories })).toEqual({ categoryId: 210 });
    expect(fieldOf(() => startChatBody({ orderId: 'o-1', categoryId: '200' }, { categories }))).toBe(
      'categoryId',
    );
    expect(fieldOf(() => startChatBody({ orderId: 'o-1', categoryId: '999' }, { categories }))).toBe(
      'categoryId',
    );
    expect(fieldOf(() => startChatBody({ orderId: 'o-1', categoryId: 'abc' }))).toBe('categoryId');
  });

  it('refuses a custom subject without customSubject, with or without the known tree', () => {
    expect(fieldOf(() => startChatBody({ orderId: 'o-1', subject: 'OTHERS' }))).toBe('customSubject');
    expect(
      fieldOf(() => startChatBody({ orderId: 'o-1', subject: 'OTHERS', customSubject: ' ' }, { subjects })),
    ).toBe('customSubject');
    expect(
      startChatBody({ orderId: 'o-1', subject: 'OTHERS', customSubject: 'Refund' }, { subjects }),
    ).toEqual({
      subject: 'OTHERS',
      customSubject: 'Refund',
    });
  });

  it('with the known tree, takes only leaf SELLER subjects', () => {
    expect(startChatBody({ orderId: 'o-1', subject: 'INVOICE_ATTACHMENT' }, { subjects })).toEqual({
      subject: 'INVOICE_ATTACHMENT',
    });
    // A parent, and a BUYER-only subject.
    expect(fieldOf(() => startChatBody({ orderId: 'o-1', subject: 'INVOICES' }, { subjects }))).toBe(
      'subject',
    );
    expect(
      fieldOf(() => startChatBody({ orderId: 'o-1', subject: 'INVOICE_CORRECTION' }, { subjects })),
    ).toBe('subject');
  });

  it('needs an order and a category or subject', () => {
    expect(fieldOf(() => startChatBody({ categoryId: '210' }))).toBe('orderId');
    expect(fieldOf(() => startChatBody({ orderId: 'o-1' }))).toBe('categoryId');
  });
});
