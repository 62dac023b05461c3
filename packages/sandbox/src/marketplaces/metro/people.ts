import { type CategoryDef, leafCategories } from './categories.js';
import { orderNumberFrom, uuidFrom } from './ids.js';
import type { MetroStore, Order, Person } from './store.js';
import { buyerSubjectPaths } from './subjects.js';

/** Metro's marketplaces; the example Chat's salesChannel is one of these (`pt`). */
export const SALES_CHANNELS = ['de', 'fr', 'it', 'es', 'pt', 'nl'] as const;

const FIRST_NAMES = [
  'Anna',
  'Lukas',
  'Marie',
  'Jonas',
  'Chloé',
  'Luca',
  'Sofía',
  'João',
  'Daan',
  'Ivana',
  'Paul',
  'Giulia',
];
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Dubois',
  'Rossi',
  'García',
  'Silva',
  'de Vries',
  'Horvat',
  'Weber',
  'Bianchi',
];

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('Metro sandbox: pick from an empty list');
  return item;
}

export function randomBuyer(random: () => number): Person {
  return { id: uuidFrom(random), firstName: pick(random, FIRST_NAMES), lastName: pick(random, LAST_NAMES) };
}

/** "Ada Lovelace" -> first + last; a single word is the first name with an empty last name. */
export function buyerNamed(random: () => number, name: string): Person {
  const words = name.trim().split(/\s+/);
  return { id: uuidFrom(random), firstName: words[0] ?? name, lastName: words.slice(1).join(' ') };
}

/** A new order of the sandbox organization, with a unique order number. */
export function addOrder(store: MetroStore, random: () => number, nowMs: number, buyer: Person): Order {
  let orderNumber = orderNumberFrom(random, new Date(nowMs).getUTCFullYear());
  while (store.orderIdByNumber.has(orderNumber)) orderNumber = orderNumberFrom(random, 2025);
  const order: Order = {
    id: uuidFrom(random),
    orderNumber,
    salesChannel: pick(random, SALES_CHANNELS),
    buyer,
    emailsExist: random() < 0.3,
  };
  store.addOrder(order);
  return order;
}

/** Leaf categories whose subject also exists on the BUYER side, so buyer-started chats stay consistent. */
export function buyerCategories(): CategoryDef[] {
  const paths = buyerSubjectPaths();
  return leafCategories().filter((c) => c.subject !== undefined && paths.has(c.subject));
}
