import type { SandboxContext } from '../../types.js';
import { CLIENT_ID } from './credentials.js';
import { fileMarkdown } from './endpoints/file-types.js';
import type { Chat, Posting, Scheme, UserType } from './model.js';
import { PATTERNS } from './seed-patterns.js';
import type { OzonStore } from './store.js';

const HOUR = 60 * 60 * 1000;
const NAMES = ['Алексей', 'Marina', 'Pyotr', 'Svetlana', 'Yuri', 'Ksenia', 'Oleg', 'Tatiana'];
/** Ids of the non-buyer users that write into chats. */
export const SUPPORT_USER_ID = '300001';
export const CRM_USER_ID = '0';
const COURIER_USER_ID = '700042';

function digits(random: () => number, count: number): string {
  let out = String(1 + Math.floor(random() * 9));
  while (out.length < count) out += String(Math.floor(random() * 10));
  return out;
}

/** A paid posting with a fresh order number, SKU and customer. */
export function newPosting(
  store: OzonStore,
  ctx: SandboxContext,
  scheme: Scheme,
  paidAt: number,
  deliveredAt: number | undefined,
  customerName: string,
): Posting {
  const orderNumber = `${digits(ctx.random, 8)}-${digits(ctx.random, 4)}`;
  const posting: Posting = {
    postingNumber: `${orderNumber}-1`,
    orderNumber,
    scheme,
    sku: digits(ctx.random, 9),
    paidAt,
    customerId: digits(ctx.random, 6),
    customerName,
  };
  if (deliveredAt !== undefined) posting.deliveredAt = deliveredAt;
  return store.addPosting(posting);
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=',
  'base64',
);

function userId(type: UserType, chat: Chat): string {
  if (type === 'customer') return chat.posting?.customerId ?? '0';
  if (type === 'seller') return CLIENT_ID;
  if (type === 'support') return SUPPORT_USER_ID;
  if (type === 'courier') return COURIER_USER_ID;
  return CRM_USER_ID;
}

/** Replace everything with `count` chats, plus postings without a chat for /v1/chat/start. */
export function seedStore(store: OzonStore, ctx: SandboxContext, count: number): void {
  store.clear();
  const now = ctx.now();
  for (let index = 0; index < count; index += 1) {
    const pattern = PATTERNS[index % PATTERNS.length]!;
    // Later rounds of the patterns are a little older, so every chat keeps its window situation.
    const shift = Math.floor(index / PATTERNS.length) * 0.25 * HOUR;
    const name = NAMES[Math.floor(ctx.random() * NAMES.length)]!;
    const posting = pattern.scheme
      ? newPosting(
          store,
          ctx,
          pattern.scheme,
          now - pattern.paidHoursAgo! * HOUR - shift,
          pattern.deliveredHoursAgo === undefined
            ? undefined
            : now - pattern.deliveredHoursAgo * HOUR - shift,
          name,
        )
      : undefined;
    const firstAt = now - (pattern.lines[0]?.[2] ?? 1) * HOUR - shift;
    const chat = store.createChat({
      chatType: pattern.chatType,
      createdAt: firstAt - 5 * 60_000,
      ...(posting ? { posting } : {}),
    });
    pattern.lines.forEach(([type, text, hoursAgo, file], line) => {
      const at = now - hoursAgo * HOUR - shift + line * 1000;
      let data = [text];
      let stored: { url: string } | undefined;
      if (file) {
        stored = ctx.storeFile({ name: `photo-${index}.png`, mimeType: 'image/png', data: PNG });
        data = [text, fileMarkdown(`photo-${index}.png`, stored.url, true)];
      }
      const message = store.addMessage(chat, {
        user: { id: userId(type, chat), type },
        data,
        at,
        isImage: Boolean(file),
        isRead: line <= pattern.readUpTo,
      });
      if (stored)
        message.file = {
          name: `photo-${index}.png`,
          mimeType: 'image/png',
          size: PNG.length,
          url: stored.url,
        };
    });
    if (pattern.closed) chat.status = 'Closed';
  }
  // For /v1/chat/start: one inside the window per FBS/rFBS, one too old, one FBO.
  const spare: Array<[Scheme, number, number | undefined]> = [
    ['FBS', 10, undefined],
    ['rFBS', 100, 24],
    ['FBS', 120, undefined],
    ['FBO', 5, undefined],
  ];
  for (const [scheme, paid, delivered] of spare) {
    const name = NAMES[Math.floor(ctx.random() * NAMES.length)]!;
    newPosting(
      store,
      ctx,
      scheme,
      now - paid * HOUR,
      delivered === undefined ? undefined : now - delivered * HOUR,
      name,
    );
  }
}
