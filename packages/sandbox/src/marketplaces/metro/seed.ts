import type { SandboxContext } from '../../types.js';
import { leafCategories } from './categories.js';
import { SANDBOX_ACCOUNT, SANDBOX_ORGANIZATION } from './identity.js';
import { uuidFrom } from './ids.js';
import { addOrder, buyerCategories, pick, randomBuyer } from './people.js';
import { SLA_MS } from './status.js';
import { MetroStore, type SenderType, type StoredAttachment, type StoredMessage } from './store.js';
import { wholeSeconds } from './time.js';

export function emptyStore(): MetroStore {
  return new MetroStore({ ...SANDBOX_ORGANIZATION }, { ...SANDBOX_ACCOUNT });
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Eight chat shapes repeat in order, so any seed of 8+ chats holds every status, seen and
 * unseen chats, buyer- and seller-started chats and attachments; the random source only
 * varies names, categories and times.
 */
interface Shape {
  senders: SenderType[];
  /** Age of the last message (or of the chat, for DRAFT): [min, max] ms. */
  lastAge: [number, number];
  /** Whether the trailing buyer messages stay unseen by the seller. */
  unseen: boolean;
  attachmentOn?: SenderType;
}

const SHAPES: Shape[] = [
  { senders: ['BUYER'], lastAge: [5 * MINUTE, 40 * HOUR], unseen: true },
  { senders: ['BUYER', 'SELLER'], lastAge: [MINUTE, 30 * DAY], unseen: false },
  { senders: ['SELLER', 'BUYER'], lastAge: [SLA_MS + HOUR, 20 * DAY], unseen: true },
  { senders: ['SELLER'], lastAge: [MINUTE, 30 * DAY], unseen: false, attachmentOn: 'SELLER' },
  { senders: [], lastAge: [MINUTE, 10 * DAY], unseen: false },
  { senders: ['BUYER'], lastAge: [10 * MINUTE, 40 * HOUR], unseen: false, attachmentOn: 'BUYER' },
  { senders: ['BUYER', 'SELLER', 'BUYER'], lastAge: [SLA_MS + HOUR, 20 * DAY], unseen: false },
  { senders: ['SELLER', 'BUYER', 'SELLER', 'BUYER', 'SELLER'], lastAge: [MINUTE, 60 * DAY], unseen: false },
];

/** Attachments only on the first chats: enough to exercise them without storing thousands of files. */
const ATTACHMENT_CHATS = 200;

const BUYER_LINES = [
  'Hello, when will my order be shipped?',
  'The invoice is missing the VAT number of our company.',
  'One item arrived damaged, see the photo.',
  'Can you confirm the delivery date?',
  'We would like to return two units.',
  'Is a bulk discount possible for the next order?',
];
const SELLER_LINES = [
  'Thank you for your message, we are checking it.',
  'Your order left our warehouse today.',
  'Please find the corrected invoice attached.',
  'We are sorry for the inconvenience; a replacement is on its way.',
  'The return label is attached.',
];

export function seedStore(ctx: SandboxContext, count: number): MetroStore {
  const store = emptyStore();
  const random = ctx.random;
  const now = wholeSeconds(ctx.now());
  const sellerLeaves = leafCategories();
  const buyerLeaves = buyerCategories();

  for (let i = 0; i < count; i++) {
    const shape = SHAPES[i % SHAPES.length] as Shape;
    const order = addOrder(store, random, now, randomBuyer(random));
    const buyerStarted = shape.senders[0] === 'BUYER';
    const category = pick(random, buyerStarted ? buyerLeaves : sellerLeaves);
    const lastAt = now - wholeSeconds(between(random, shape.lastAge));
    // Earlier messages step back 10 min to 20 h each; the chat opens with its first message.
    const times = shape.senders.map(() => 0);
    let t = lastAt;
    for (let m = shape.senders.length - 1; m >= 0; m--) {
      times[m] = t;
      t -= wholeSeconds(between(random, [10 * MINUTE, 20 * HOUR]));
    }
    const createdAt = times[0] ?? lastAt;
    const isCustom = category.subject === 'OTHERS';
    const chat = store.createChat({
      id: uuidFrom(random),
      orderId: order.id,
      categoryId: category.id,
      subject: `${buyerStarted ? 'BUYER' : 'SELLER'}.${category.subject}`,
      customSubject: isCustom && !buyerStarted ? 'Question about your order' : null,
      createdAtMs: createdAt,
      lastMessageAtMs: createdAt,
    });
    shape.senders.forEach((sender, m) => {
      const at = times[m] ?? lastAt;
      const seenAt = seedSeenAt(shape, times, m, now, random);
      const attachments =
        shape.attachmentOn === sender && i < ATTACHMENT_CHATS && m === shape.senders.lastIndexOf(sender)
          ? [seedAttachment(ctx, store, order.id, sender, i)]
          : [];
      const message: StoredMessage = {
        id: uuidFrom(random),
        chatId: chat.id,
        senderUserType: sender,
        senderId: sender === 'BUYER' ? order.buyer.id : store.account.id,
        receiverId: sender === 'BUYER' ? store.account.id : order.buyer.id,
        content: pick(random, sender === 'BUYER' ? BUYER_LINES : SELLER_LINES),
        seenAtMs: seenAt === null ? null : wholeSeconds(seenAt),
        createdAtMs: at,
        attachments,
      };
      store.addMessage(chat, message);
    });
  }

  // Orders without a chat, so a seller can start one (POST /orders/{orderId}/chats).
  const free = Math.max(5, Math.ceil(count / 10));
  for (let i = 0; i < free; i++) addOrder(store, random, now, randomBuyer(random));
  return store;
}

/**
 * A message counts as seen once the other side answered it; otherwise buyer messages are seen
 * unless the shape keeps them unseen, and seller messages are seen half the time.
 */
function seedSeenAt(
  shape: Shape,
  times: number[],
  m: number,
  now: number,
  random: () => number,
): number | null {
  const sender = shape.senders[m];
  const at = times[m] ?? now;
  const repliedAt = times.find((_time, k) => k > m && shape.senders[k] !== sender);
  if (repliedAt !== undefined) return repliedAt;
  if (sender === 'BUYER') return shape.unseen ? null : Math.min(now, at + 30 * MINUTE);
  return random() < 0.5 ? Math.min(now, at + HOUR) : null;
}

function between(random: () => number, [min, max]: [number, number]): number {
  return min + Math.floor(random() * (max - min));
}

function seedAttachment(
  ctx: SandboxContext,
  store: MetroStore,
  orderId: string,
  sender: SenderType,
  index: number,
): StoredAttachment {
  const [name, type, data] =
    sender === 'BUYER'
      ? ([`damage-${index}.png`, 'image/png', TINY_PNG] as const)
      : ([
          `invoice-${index}.txt`,
          'text/plain',
          Buffer.from(`Invoice for chat #${index}\nTotal: 42.00 EUR\n`),
        ] as const);
  const stored = ctx.storeFile({ name, mimeType: type, data });
  const fileId = `files/${store.organization.id}/${orderId}/${uuidFrom(ctx.random)}`;
  return { fileId, fileName: name, fileType: type, size: data.length, url: stored.url };
}

/** A 1×1 transparent PNG. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
