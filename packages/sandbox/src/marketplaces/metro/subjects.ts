import { CATEGORIES } from './categories.js';

/**
 * The legacy (deprecated) chat subjects, grouped by user type. Ids 121/221/222/135 (SELLER) and
 * 132/241/242 (BUYER) with their names come from seed:metro-chats; the other groups mirror the
 * category tree so every SELLER leaf maps to exactly one leaf category.
 */
export type UserType = 'SELLER' | 'BUYER';

export interface SubjectNode {
  id: number;
  subject: string;
  isCustom: boolean;
  parentId: number | null;
  children: SubjectNode[];
}

type GroupDef = [
  id: number,
  subject: string,
  leaves: Array<[id: number, subject: string]>,
  isCustom?: boolean,
];

const SELLER_GROUPS: GroupDef[] = [
  [
    121,
    'INVOICES',
    [
      [221, 'INVOICE_INSTRUCTIONS'],
      [222, 'INVOICE_ATTACHMENT'],
    ],
  ],
  [
    122,
    'ORDERS',
    [
      [223, 'ORDER_STATUS'],
      [224, 'ORDER_CONFIRMATION'],
      [225, 'ORDER_CANCELLATION'],
    ],
  ],
  [
    123,
    'DELIVERY',
    [
      [226, 'DELIVERY_DELAY'],
      [227, 'TRACKING_INFORMATION'],
    ],
  ],
  [
    124,
    'RETURNS',
    [
      [228, 'RETURN_REQUEST'],
      [229, 'REFUND'],
    ],
  ],
  [135, 'OTHERS', [], true],
];

const BUYER_GROUPS: GroupDef[] = [
  [
    132,
    'INVOICES',
    [
      [241, 'INVOICE_NOT_UPLOADED'],
      [242, 'INVOICE_CORRECTION'],
    ],
  ],
  [
    133,
    'ORDERS',
    [
      [243, 'ORDER_STATUS'],
      [244, 'ORDER_CANCELLATION'],
    ],
  ],
  [
    134,
    'DELIVERY',
    [
      [245, 'DELIVERY_DELAY'],
      [246, 'TRACKING_INFORMATION'],
    ],
  ],
  [
    136,
    'RETURNS',
    [
      [247, 'RETURN_REQUEST'],
      [248, 'REFUND'],
    ],
  ],
  [137, 'OTHERS', [], true],
];

function tree(groups: GroupDef[]): SubjectNode[] {
  return groups.map(([id, subject, leaves, isCustom = false]) => ({
    id,
    subject,
    isCustom,
    parentId: null,
    children: leaves.map(([leafId, leaf]) => ({
      id: leafId,
      subject: leaf,
      isCustom: false,
      parentId: id,
      children: [],
    })),
  }));
}

export function subjectTree(): Record<UserType, SubjectNode[]> {
  return { SELLER: tree(SELLER_GROUPS), BUYER: tree(BUYER_GROUPS) };
}

/** A usable (leaf) SELLER subject, with the category a chat started from it gets. */
export interface SellerSubject {
  id: number;
  /** Dotted path below SELLER, e.g. `INVOICES.INVOICE_INSTRUCTIONS` or `OTHERS`. */
  path: string;
  isCustom: boolean;
  categoryId: number;
}

export type SubjectLookup =
  | { ok: true; subject: SellerSubject }
  | { ok: false; reason: 'unknown' | 'not-leaf' | 'buyer-only' };

interface Entry {
  id: number;
  path: string;
  name: string;
  isCustom: boolean;
  leaf: boolean;
}

function entries(groups: GroupDef[]): Entry[] {
  return groups.flatMap(([id, subject, leaves, isCustom = false]) => [
    { id, path: subject, name: subject, isCustom, leaf: leaves.length === 0 },
    ...leaves.map(([leafId, leaf]) => ({
      id: leafId,
      path: `${subject}.${leaf}`,
      name: leaf,
      isCustom: false,
      leaf: true,
    })),
  ]);
}

const SELLER_ENTRIES = entries(SELLER_GROUPS);
const BUYER_ENTRIES = entries(BUYER_GROUPS);

function matches(entry: Entry, wanted: string): boolean {
  return (
    entry.name === wanted ||
    entry.path === wanted ||
    `SELLER.${entry.path}` === wanted ||
    String(entry.id) === wanted
  );
}

/** Accepts the leaf name the seed sends (`OTHERS`), the dotted path, or the numeric id. */
export function findSellerSubject(wanted: string): SubjectLookup {
  const entry = SELLER_ENTRIES.find((e) => matches(e, wanted));
  if (!entry) {
    const buyer = BUYER_ENTRIES.some(
      (e) => e.name === wanted || e.path === wanted || String(e.id) === wanted,
    );
    return { ok: false, reason: buyer ? 'buyer-only' : 'unknown' };
  }
  if (!entry.leaf) return { ok: false, reason: 'not-leaf' };
  const category = CATEGORIES.find((c) => c.subject === entry.path);
  if (!category) throw new Error(`Metro sandbox: subject ${entry.path} has no category`);
  return {
    ok: true,
    subject: { id: entry.id, path: entry.path, isCustom: entry.isCustom, categoryId: category.id },
  };
}

/** Dotted paths of the BUYER leaf subjects, e.g. `ORDERS.ORDER_STATUS` (for buyer-started chats). */
export function buyerSubjectPaths(): Set<string> {
  return new Set(BUYER_ENTRIES.filter((e) => e.leaf).map((e) => e.path));
}
