import type { SandboxContext } from '../../types.js';
import { BUSINESS_ID } from './credentials.js';
import type { ChatStatus, ChatType, ContextType, Customer, Order, Payload, Sender } from './model.js';
import type { YandexStore } from './store.js';

const FIRST_NAMES = [
  'Anna',
  'Ivan',
  'Olga',
  'Pavel',
  'Maria',
  'Sergey',
  'Elena',
  'Dmitry',
  'Irina',
  'Nikolai',
];
const LAST_INITIALS = ['K.', 'S.', 'M.', 'P.', 'V.', 'L.', 'T.', 'R.'];
const CAMPAIGN_IDS = [21_000_001, 21_000_002];
const FIRST_ORDER_ID = 50_000_001;
const FIRST_RETURN_ID = 8_000_001;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One conversation pattern per slot, so a few chats already cover every type and status. */
interface Pattern {
  context: ContextType;
  type: ChatType;
  /** Set after the messages when messages alone would not reach it. */
  finalStatus?: ChatStatus;
  lines: Array<[Sender, string] | [Sender, string, 'photo' | 'pdf']>;
}

const PATTERNS: Pattern[] = [
  {
    context: 'ORDER',
    type: 'CHAT',
    lines: [
      ['MARKET', 'Chat about order is open. The shop answers within 24 hours.'],
      ['CUSTOMER', 'Hello! When will my order be shipped?'],
    ],
  },
  {
    context: 'ORDER',
    type: 'CHAT',
    lines: [
      ['CUSTOMER', 'Is the charger included in the box?'],
      ['PARTNER', 'Yes, it is. Here is the spec sheet.', 'pdf'],
    ],
  },
  {
    context: 'RETURN',
    type: 'CHAT',
    lines: [['CUSTOMER', 'The case arrived cracked, photo attached.', 'photo']],
  },
  {
    context: 'DIRECT',
    type: 'CHAT',
    lines: [['CUSTOMER', 'Does this kettle come in white? Сколько стоит доставка?']],
  },
  {
    context: 'ORDER',
    type: 'ARBITRAGE',
    finalStatus: 'WAITING_FOR_ARBITER',
    lines: [
      ['CUSTOMER', 'I was charged twice for this order.'],
      ['PARTNER', 'We only see one payment on our side.'],
      ['SUPPORT', 'Market support has joined the dispute and will check the payment.'],
    ],
  },
  {
    context: 'RETURN',
    type: 'ARBITRAGE',
    finalStatus: 'WAITING_FOR_MARKET',
    lines: [
      ['CUSTOMER', 'The shop refuses my return.'],
      ['MARKET', 'The dispute is waiting for a Market decision.'],
    ],
  },
  {
    context: 'ORDER',
    type: 'CHAT',
    finalStatus: 'FINISHED',
    lines: [
      ['CUSTOMER', 'Can I change the delivery address?'],
      ['PARTNER', 'Done, the courier has the new address.'],
      ['CUSTOMER', 'Thank you!'],
      ['MARKET', 'The chat is closed.'],
    ],
  },
  { context: 'ORDER', type: 'CHAT', lines: [] },
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function customer(random: () => number): Customer {
  const publicId = Math.floor(random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return { name: `${pick(FIRST_NAMES, random)} ${pick(LAST_INITIALS, random)}`, publicId: `u${publicId}` };
}

// Tiny but real files: a 1×1 PNG and a one-line PDF, so a client can download and open them.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n% sandbox spec sheet\n%%EOF\n', 'utf8');

function attachment(ctx: SandboxContext, kind: 'photo' | 'pdf', index: number): Payload {
  const file =
    kind === 'photo'
      ? { name: `photo-${index}.png`, mimeType: 'image/png', data: PNG }
      : { name: `spec-${index}.pdf`, mimeType: 'application/pdf', data: PDF };
  const stored = ctx.storeFile(file);
  return { name: file.name, url: stored.url, size: file.data.length, mimeType: file.mimeType };
}

/** Replace the store's content with `count` chats (and a few orders without a chat yet). */
export function seedStore(store: YandexStore, ctx: SandboxContext, count: number): void {
  store.clear();
  const now = ctx.now();
  let orderId = FIRST_ORDER_ID;
  let returnId = FIRST_RETURN_ID;
  const newOrder = (withReturn: boolean): Order => {
    const order: Order = {
      businessId: BUSINESS_ID,
      orderId,
      campaignId: CAMPAIGN_IDS[orderId % CAMPAIGN_IDS.length]!,
      customer: customer(ctx.random),
    };
    if (withReturn) order.returnId = returnId++;
    orderId += 11;
    return store.addOrder(order);
  };

  for (let index = 0; index < count; index += 1) {
    const pattern = PATTERNS[index % PATTERNS.length]!;
    const createdAt = now - (count - index) * 3 * HOUR - Math.floor(ctx.random() * 60) * MINUTE;
    const order = pattern.context === 'DIRECT' ? undefined : newOrder(pattern.context === 'RETURN');
    const chat = store.createChat({
      businessId: BUSINESS_ID,
      type: pattern.type,
      context: order
        ? {
            type: pattern.context,
            customer: order.customer,
            campaignId: order.campaignId,
            orderId: order.orderId,
            ...(pattern.context === 'RETURN' ? { returnId: order.returnId! } : {}),
          }
        : { type: 'DIRECT', customer: customer(ctx.random) },
      createdAt,
    });
    pattern.lines.forEach(([sender, text, file], line) => {
      const at = createdAt + (line + 1) * (5 + Math.floor(ctx.random() * 20)) * MINUTE;
      const payload = file ? [attachment(ctx, file, index)] : undefined;
      store.addMessage(chat, { sender, message: text, ...(payload ? { payload } : {}), at });
    });
    if (pattern.finalStatus) chat.status = pattern.finalStatus;
  }
  // Orders a seller can open a chat for with chats/new; every other one has a return too.
  const spare = Math.max(2, Math.ceil(count / 4));
  for (let index = 0; index < spare; index += 1) newOrder(index % 2 === 1);
}
