import type { SandboxContext } from '../../types.js';
import { CLIENT_ID } from './credentials.js';
import { fileMarkdown } from './endpoints/file-types.js';
import type { Chat, Posting, Scheme, UserType } from './model.js';
import type { OzonStore } from './store.js';

const HOUR = 60 * 60 * 1000;
const NAMES = ['Алексей', 'Marina', 'Pyotr', 'Svetlana', 'Yuri', 'Ksenia', 'Oleg', 'Tatiana'];
/** Ids of the non-buyer users that write into chats. */
export const SUPPORT_USER_ID = '300001';
export const CRM_USER_ID = '0';
const COURIER_USER_ID = '700042';

type Line = [UserType, string, number] | [UserType, string, number, 'photo'];

/**
 * One situation per slot (hours are before "now"), so a few chats already cover every scheme and
 * window: inside, after and without a window; read and unread; support, courier and system users.
 */
interface Pattern {
  chatType: 'Buyer_Seller' | 'Seller_Support';
  scheme?: Scheme;
  paidHoursAgo?: number;
  deliveredHoursAgo?: number;
  closed?: boolean;
  /** [who, text, hours ago, file?]; `read` marks everything up to this index as read. */
  lines: Line[];
  readUpTo: number;
}

const PATTERNS: Pattern[] = [
  {
    chatType: 'Buyer_Seller',
    scheme: 'FBS',
    paidHoursAgo: 96,
    deliveredHoursAgo: 20,
    lines: [
      ['customer', 'Здравствуйте! The box arrived dented, photo attached.', 19, 'photo'],
      ['seller', 'Sorry about that! Is the item itself fine?', 18],
      ['customer', 'The item is fine, just letting you know.', 2],
    ],
    readUpTo: 1,
  },
  {
    chatType: 'Buyer_Seller',
    scheme: 'FBO',
    paidHoursAgo: 30,
    lines: [
      ['crm', 'The buyer has a question about the product.', 3],
      ['customer', 'Подойдет ли защитное стекло к Galaxy A03s?', 3],
    ],
    readUpTo: 0,
  },
  {
    chatType: 'Buyer_Seller',
    scheme: 'rFBS',
    paidHoursAgo: 200,
    deliveredHoursAgo: 120,
    lines: [
      ['seller', 'Your parcel is delivered, enjoy!', 119],
      ['customer', 'One screw is missing from the set.', 10],
    ],
    readUpTo: 0,
  },
  {
    chatType: 'Buyer_Seller',
    scheme: 'FBO',
    paidHoursAgo: 150,
    lines: [
      ['customer', 'Is there a warranty?', 80],
      ['seller', 'Yes, 12 months.', 79],
    ],
    readUpTo: 1,
  },
  {
    chatType: 'Buyer_Seller',
    scheme: 'FBS',
    paidHoursAgo: 250,
    deliveredHoursAgo: 150,
    lines: [
      ['customer', 'Thanks, all good.', 100],
      ['seller', 'Glad to hear it!', 99],
    ],
    readUpTo: 1,
  },
  {
    chatType: 'Seller_Support',
    lines: [
      ['seller', 'How do I change my warehouse schedule?', 30],
      ['support', 'Open Logistics → Warehouses and edit the schedule there.', 28],
    ],
    readUpTo: 0,
  },
  {
    chatType: 'Buyer_Seller',
    scheme: 'FBS',
    paidHoursAgo: 60,
    deliveredHoursAgo: 40,
    closed: true,
    lines: [
      ['customer', 'Can you add a gift note?', 50],
      ['seller', 'Done!', 49],
    ],
    readUpTo: 1,
  },
  {
    chatType: 'Buyer_Seller',
    scheme: 'FBS',
    paidHoursAgo: 12,
    lines: [
      ['seller', 'Hello! Please confirm the colour: black or white?', 11],
      ['courier', 'I will deliver the parcel tomorrow between 10:00 and 14:00.', 5],
    ],
    readUpTo: -1,
  },
];

function digits(random: () => number, count: number): string {
  let out = String(1 + Math.floor(random() * 9));
  while (out.length < count) out += String(Math.floor(random() * 10));
  return out;
}

function newPosting(
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

export { newPosting };

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
          pattern.deliveredHoursAgo === undefined ? undefined : now - pattern.deliveredHoursAgo * HOUR - shift,
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
      if (stored) message.file = { name: `photo-${index}.png`, mimeType: 'image/png', size: PNG.length, url: stored.url };
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
    newPosting(store, ctx, scheme, now - paid * HOUR, delivered === undefined ? undefined : now - delivered * HOUR, name);
  }
}
