import type { SandboxContext, SandboxRequest, SandboxResponse } from '../../types.js';
import { authenticate } from './storeden-auth.js';
import type { DailyBudget } from './storeden-budget.js';
import { storedenError } from './storeden-errors.js';
import type { StoredenSettings } from './storeden-settings.js';
import type { StoredenStore } from './storeden-store.js';
import { apiMessage, chatListEntry } from './storeden-views.js';

/** Messages per page of GET /messages/chat.json ("each page can contain a max of 30"). */
export const STOREDEN_PAGE_SIZE = 30;
const MAX_WITH_ID = 2 ** 31 - 1;

export interface StoredenApiState {
  ctx: SandboxContext;
  store: StoredenStore;
  budget: DailyBudget;
  settings(): StoredenSettings;
}

const ROUTES: Record<string, readonly string[]> = {
  '/messages/chat_list.json': ['GET'],
  '/messages/chat.json': ['GET', 'POST'],
};

/** Storeden Connect v1.1 messages API: auth, the daily budget, then the three calls. */
export function handleStoredenRequest(state: StoredenApiState, req: SandboxRequest): SandboxResponse {
  const auth = authenticate(req.headers);
  if ('refusal' in auth) return storedenError(401, auth.refusal);
  const settings = state.settings();
  if (!state.budget.take(state.ctx.now(), settings.dailyRequestLimit)) {
    return storedenError(509, 'Limit Exceeded', 'Limit Exceeded');
  }
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (method !== 'GET' && auth.access === 'read') {
    return storedenError(403, 'This key pair is READ only: it may only use GET');
  }
  const allowed = ROUTES[req.path];
  if (!allowed) return storedenError(404, `No such API: ${req.method} ${req.path}`);
  if (!allowed.includes(method)) {
    return {
      ...storedenError(405, `Method ${req.method} not allowed`),
      headers: { allow: allowed.join(', ') },
    };
  }
  if (req.path === '/messages/chat_list.json') return listChats(state);
  return method === 'GET' ? readChat(state, req) : writeMessage(state, req);
}

function listChats(state: StoredenApiState): SandboxResponse {
  const offset = state.settings().utcOffsetMinutes;
  const conversations = [...state.store.conversations.values()]
    .filter((conversation) => conversation.messages[0]?.fromMyself === false)
    .sort((a, b) => a.withId - b.withId);
  return { status: 200, body: conversations.map((conversation) => chatListEntry(conversation, offset)) };
}

function parseWholeNumber(
  value: string | null,
  field: string,
  rule: { required: boolean; min: number },
): number | SandboxResponse | undefined {
  if (value === null || value === '') {
    return rule.required ? storedenError(400, `${field} is required (an integer)`) : undefined;
  }
  if (!/^\d{1,10}$/.test(value.trim()) || Number(value) < rule.min || Number(value) > MAX_WITH_ID) {
    return storedenError(400, `${field} must be an integer from ${rule.min} to ${MAX_WITH_ID}`);
  }
  return Number(value);
}

function readChat(state: StoredenApiState, req: SandboxRequest): SandboxResponse {
  const withId = parseWholeNumber(req.query.get('with_id'), 'with_id', { required: true, min: 1 });
  if (typeof withId !== 'number') return withId as SandboxResponse;
  const page = parseWholeNumber(req.query.get('page'), 'page', { required: false, min: 1 }) ?? 1;
  if (typeof page !== 'number') return page;
  const conversation = state.store.conversations.get(withId);
  if (!conversation) return storedenError(404, `No conversation with with_id ${withId}`);

  const { messages } = conversation;
  const end = messages.length - (page - 1) * STOREDEN_PAGE_SIZE;
  const start = Math.max(0, end - STOREDEN_PAGE_SIZE);
  const slice = end > 0 ? messages.slice(start, end).reverse() : [];
  const offset = state.settings().utcOffsetMinutes;
  const body: Record<string, unknown> = {
    messages: slice.map((message) => apiMessage(conversation, message, offset)),
  };
  if (start > 0) {
    body.next_page = `${state.ctx.origin()}/storeden/messages/chat.json?with_id=${withId}&page=${page + 1}`;
  }
  // The merchant has now seen these buyer messages. The answer shows them as they were, so a
  // first read still tells "new" (read_by.myself_id "") from "seen before".
  const now = state.ctx.now();
  for (const message of slice)
    if (!message.fromMyself && message.readByMerchantAt === null) message.readByMerchantAt = now;
  return { status: 200, body };
}

function writeMessage(state: StoredenApiState, req: SandboxRequest): SandboxResponse {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType.trim())) {
    return storedenError(
      400,
      `with_id and message are required as an application/x-www-form-urlencoded body (got content type "${contentType || 'none'}")`,
    );
  }
  const form = new URLSearchParams(req.rawBody.toString('utf8'));
  const withId = parseWholeNumber(form.get('with_id'), 'with_id', { required: true, min: 1 });
  if (typeof withId !== 'number') return withId as SandboxResponse;
  const text = form.get('message');
  if (text === null || text.trim() === '')
    return storedenError(400, 'message is required (a non-empty string)');
  const conversation = state.store.conversations.get(withId);
  if (conversation?.messages[0]?.fromMyself !== false) {
    return storedenError(
      404,
      `No conversation with with_id ${withId}: the merchant can only answer users who wrote first`,
    );
  }
  const now = state.ctx.now();
  for (const message of conversation.messages) {
    if (!message.fromMyself && message.readByMerchantAt === null) message.readByMerchantAt = now;
  }
  const message = state.store.append(conversation, { fromMyself: true, text, at: now });
  state.store.sentByMerchant.push({ withId, message });
  return { status: 200, body: { message_id: message.id } };
}
