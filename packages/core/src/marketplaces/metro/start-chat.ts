import { ValidationError } from '../../errors/errors.js';
import type { StartChatInput } from '../client.js';
import { metroId } from './ids.js';
import type { MetroCategory, MetroSubject, MetroSubjects } from './wire.js';

/** Trees the client has already fetched; start-chat input is checked against them when known. */
export interface KnownTrees {
  categories?: MetroCategory[];
  subjects?: MetroSubjects;
}

/** Metro documents `OTHERS` as the custom subject that needs `customSubject`. */
const DOCUMENTED_CUSTOM_SUBJECTS = ['OTHERS'];

function invalid(field: string, message: string, limit: string): ValidationError {
  return new ValidationError(`Metro Markets: ${field} ${message}`, { marketplace: 'metro', field, limit });
}

function findNode<T extends { children?: T[] }>(
  nodes: T[] | undefined,
  match: (node: T) => boolean,
): T | undefined {
  for (const node of nodes ?? []) {
    if (match(node)) return node;
    const inner = findNode(node.children, match);
    if (inner) return inner;
  }
  return undefined;
}

const isLeaf = (node: { children?: unknown[] }) => !node.children || node.children.length === 0;

function checkCategory(categoryId: string, categories: MetroCategory[] | undefined): void {
  if (!categories) return;
  const node = findNode(categories, (c) => String(c.id) === categoryId);
  if (!node)
    throw invalid(
      'categoryId',
      `${categoryId} is not a Metro chat category`,
      'a leaf id of listCategories()',
    );
  if (!isLeaf(node)) {
    throw invalid(
      'categoryId',
      `${categoryId} has sub-categories; only a leaf can start a chat`,
      'a leaf id of listCategories()',
    );
  }
}

function checkSubject(
  subject: string,
  customSubject: string | undefined,
  subjects: MetroSubject[] | undefined,
): void {
  let isCustom = DOCUMENTED_CUSTOM_SUBJECTS.includes(subject);
  if (subjects) {
    const node = findNode(subjects, (s) => s.subject === subject && isLeaf(s));
    if (!node) {
      throw invalid(
        'subject',
        `"${subject}" is not a leaf SELLER subject`,
        'a leaf SELLER subject of listSubjects()',
      );
    }
    isCustom = node.isCustom === true;
  }
  if (isCustom && (customSubject === undefined || customSubject.trim() === '')) {
    throw invalid('customSubject', `is required with the custom subject "${subject}"`, 'a non-empty text');
  }
}

/**
 * The `POST /orders/{orderId}/chats` body. A category wins over a subject, as on Metro, so the
 * subject is only checked when it is what Metro will use.
 */
export function startChatBody(input: StartChatInput, known: KnownTrees = {}): Record<string, unknown> {
  if (input === null || typeof input !== 'object') throw invalid('input', 'is required', 'an object');
  metroId('orderId', input.orderId);
  const body: Record<string, unknown> = {};
  if (input.categoryId !== undefined && input.categoryId !== '') {
    const categoryId = String(input.categoryId);
    if (!/^\d{1,15}$/.test(categoryId)) {
      throw invalid(
        'categoryId',
        `must be a numeric category id (got ${JSON.stringify(input.categoryId)})`,
        'digits',
      );
    }
    checkCategory(categoryId, known.categories);
    body.categoryId = Number(categoryId);
  }
  if (input.subject !== undefined && input.subject !== '') {
    if (typeof input.subject !== 'string') throw invalid('subject', 'must be a text', 'a SELLER subject');
    if (body.categoryId === undefined)
      checkSubject(input.subject, input.customSubject, known.subjects?.SELLER);
    body.subject = input.subject;
  }
  if (body.categoryId === undefined && body.subject === undefined) {
    throw invalid(
      'categoryId',
      'or subject is required to start a chat',
      'a leaf category id (or legacy subject)',
    );
  }
  if (input.customSubject !== undefined && input.customSubject !== '')
    body.customSubject = input.customSubject;
  return body;
}
