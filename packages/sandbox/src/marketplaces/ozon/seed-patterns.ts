import type { Scheme, UserType } from './model.js';

export type Line = [UserType, string, number] | [UserType, string, number, 'photo'];

/**
 * One situation per slot (hours are before "now"), so a few chats already cover every scheme and
 * window: inside, after and without a window; read and unread; support, courier and system users.
 */
export interface Pattern {
  chatType: 'Buyer_Seller' | 'Seller_Support';
  scheme?: Scheme;
  paidHoursAgo?: number;
  deliveredHoursAgo?: number;
  closed?: boolean;
  /** [who, text, hours ago, file?] */
  lines: Line[];
  /** Messages up to this index are read by the other side (-1: none). */
  readUpTo: number;
}

export const PATTERNS: Pattern[] = [
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
