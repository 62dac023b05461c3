import type { SandboxRequest, SandboxResponse } from '../../types.js';
import { getCategories, getEmailsExist, getSubjects } from './catalog-endpoints.js';
import { createChat, listChats, listUnseenChats } from './chat-endpoints.js';
import type { MetroEnv } from './env.js';
import { MetroError } from './envelope.js';
import { getMessage, listMessages, sendMessage } from './message-endpoints.js';
import { uploadFile } from './upload-endpoint.js';

type Handler = (env: MetroEnv, req: SandboxRequest, params: string[]) => SandboxResponse;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const SEGMENT = '([^/]+)';
const route = (method: string, path: string, handler: Handler): Route => ({
  method,
  pattern: new RegExp(`^/openapi/v1${path.replaceAll('{}', SEGMENT)}/?$`),
  handler,
});

/** `/chats/unseen` sits before any `/chats/{}` pattern so "unseen" is never read as a chat id. */
const ROUTES: Route[] = [
  route('GET', '/chat-categories', () => getCategories()),
  route('GET', '/chat-subjects', () => getSubjects()),
  route('GET', '/orders/{}/emails-exist', (env, _req, [orderNumber]) =>
    getEmailsExist(env, orderNumber ?? ''),
  ),
  route('POST', '/orders/{}/chats', (env, req, [orderId]) => createChat(env, req, orderId ?? '')),
  route('POST', '/orders/{}/upload-file', (env, req, [orderId]) => uploadFile(env, req, orderId ?? '')),
  route('GET', '/chats', (env, req) => listChats(env, req)),
  route('GET', '/chats/unseen', (env, req) => listUnseenChats(env, req)),
  route('GET', '/chats/{}/messages', (env, _req, [chatId]) => listMessages(env, chatId ?? '')),
  route('POST', '/chats/{}/messages', (env, req, [chatId]) => sendMessage(env, req, chatId ?? '')),
  route('GET', '/chats/{}/messages/{}', (env, _req, [chatId, messageId]) =>
    getMessage(env, chatId ?? '', messageId ?? ''),
  ),
];

export function dispatch(env: MetroEnv, req: SandboxRequest): SandboxResponse {
  const method = req.method.toUpperCase();
  const allowed: string[] = [];
  for (const r of ROUTES) {
    const match = r.pattern.exec(req.path);
    if (!match) continue;
    const params = match.slice(1).map((p) => safeDecode(p));
    if (r.method === method) return r.handler(env, req, params);
    allowed.push(r.method);
  }
  if (allowed.length > 0) {
    throw new MetroError(405, `Metro Markets: ${method} is not allowed on ${req.path}`, undefined, {
      allow: allowed.join(', '),
    });
  }
  throw new MetroError(404, `Metro Markets: no endpoint ${method} ${req.path}`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
