import type { SandboxRequest, SandboxResponse } from '../../types.js';
import { findCategory, isLeafCategory, pickLanguage } from './categories.js';
import { filterChats, hasFilters, parseChatQuery } from './chat-filters.js';
import type { MetroEnv } from './env.js';
import { invalid, MetroError, notFound, success } from './envelope.js';
import { uuidFrom } from './ids.js';
import { jsonObjectBody } from './json-body.js';
import { findSellerSubject } from './subjects.js';
import { wholeSeconds } from './time.js';
import { chatView } from './views.js';

/** POST /openapi/v1/orders/{orderId}/chats */
export function createChat(env: MetroEnv, req: SandboxRequest, orderId: string): SandboxResponse {
  const order = env.store.orders.get(orderId);
  if (!order) throw notFound(`Order [${orderId}]`);
  const topic = chatTopic(jsonObjectBody(req));
  if (order.chatId !== undefined) {
    // One chat per (organization, order): seed:metro-chats. 409 is a guess (fidelity-metro.md).
    throw new MetroError(409, `A chat for order [${orderId}] already exists: chat [${order.chatId}]`);
  }
  const now = wholeSeconds(env.ctx.now());
  const chat = env.store.createChat({
    id: uuidFrom(env.ctx.random),
    orderId,
    categoryId: topic.categoryId,
    subject: topic.subject,
    customSubject: topic.customSubject,
    createdAtMs: now,
    lastMessageAtMs: now,
  });
  const view = chatView(env.store, chat, pickLanguage(req.headers['accept-language']), env.ctx.now());
  return success(201, `Chat [${chat.id}] has been created successfully`, view);
}

interface Topic {
  categoryId: number;
  subject: string;
  customSubject: string | null;
}

/** categoryId (a leaf) wins; else the legacy SELLER subject leaf, with customSubject when custom. */
function chatTopic(body: Record<string, unknown>): Topic {
  if (body.categoryId !== undefined && body.categoryId !== null) {
    const id = integerId(body.categoryId);
    const category = id === undefined ? undefined : findCategory(id);
    if (id === undefined || !category) {
      throw invalid('categoryId', `must be the id of a category from GET /openapi/v1/chat-categories`);
    }
    if (!isLeafCategory(id) || category.subject === undefined) {
      throw invalid(
        'categoryId',
        `${id} has children: only leaf categories (empty children) can start a chat`,
      );
    }
    return { categoryId: id, subject: `SELLER.${category.subject}`, customSubject: null };
  }
  if (body.subject !== undefined && body.subject !== null) {
    if (typeof body.subject !== 'string' && typeof body.subject !== 'number') {
      throw invalid('subject', 'must be a SELLER subject from GET /openapi/v1/chat-subjects');
    }
    const found = findSellerSubject(String(body.subject));
    if (!found.ok) {
      const why = {
        unknown: 'is not a subject from GET /openapi/v1/chat-subjects',
        'not-leaf': 'has children: only leaf subjects (empty children) can start a chat',
        'buyer-only': 'is a BUYER subject: only SELLER subjects can start a chat',
      }[found.reason];
      throw invalid('subject', `'${String(body.subject)}' ${why}`);
    }
    const { subject } = found;
    let customSubject: string | null = null;
    if (subject.isCustom) {
      if (typeof body.customSubject !== 'string' || body.customSubject.trim() === '') {
        throw invalid(
          'customSubject',
          `is required when subject '${subject.path}' is custom (isCustom: true)`,
        );
      }
      customSubject = body.customSubject;
    }
    return { categoryId: subject.categoryId, subject: `SELLER.${subject.path}`, customSubject };
  }
  throw invalid(
    'categoryId',
    'is required (a leaf id from GET /openapi/v1/chat-categories, or the legacy subject)',
  );
}

function integerId(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** GET /openapi/v1/chats */
export function listChats(env: MetroEnv, req: SandboxRequest): SandboxResponse {
  const now = env.ctx.now();
  const q = parseChatQuery(req.query, env.settings.maxPageSize, now);
  const matching = hasFilters(q) ? filterChats(env.store, q, now) : env.store.byActivity();
  const locale = pickLanguage(req.headers['accept-language']);
  const page = matching.slice(q.offset, q.offset + q.limit).map((c) => chatView(env.store, c, locale, now));
  return success(200, `[${page.length}] chats have been fetched successfully`, page, {
    limit: q.limit,
    offset: q.offset,
    total: matching.length,
  });
}

/** GET /openapi/v1/chats/unseen: no paging and no metadata key (seed:metro-chats). */
export function listUnseenChats(env: MetroEnv, req: SandboxRequest): SandboxResponse {
  const now = env.ctx.now();
  const locale = pickLanguage(req.headers['accept-language']);
  const chats = env.store.unseenByActivity().map((c) => chatView(env.store, c, locale, now));
  return success(
    200,
    `[${chats.length}] chats with unseen messages have been fetched successfully`,
    { chats, count: chats.length },
    'omit',
  );
}
