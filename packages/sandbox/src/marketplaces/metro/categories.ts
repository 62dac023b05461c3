/**
 * The chat category tree. Ids 200 / 210 / 211 and the names "Post-purchase", "Order",
 * "Order status" come from seed:metro-chats; the rest of the tree is invented to give the
 * sandbox a few branches and leaves. Only leaves (empty `children`) may start a chat.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'pt', 'nl', 'hr'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Translations = Record<Language, string>;

export interface CategoryDef {
  id: number;
  key: string;
  parentId: number | null;
  translations: Translations;
  /** Leaves only: the subject a chat of this category gets, without the SELLER./BUYER. prefix. */
  subject?: string;
}

const t = (
  en: string,
  de: string,
  fr: string,
  it: string,
  es: string,
  pt: string,
  nl: string,
  hr: string,
) => ({
  en,
  de,
  fr,
  it,
  es,
  pt,
  nl,
  hr,
});

export const CATEGORIES: readonly CategoryDef[] = [
  {
    id: 200,
    key: 'POST-PURCHASE',
    parentId: null,
    translations: t(
      'Post-purchase',
      'Nach dem Kauf',
      'Après l’achat',
      'Post-acquisto',
      'Posventa',
      'Pós-compra',
      'Na aankoop',
      'Nakon kupnje',
    ),
  },
  {
    id: 210,
    key: 'ORDER',
    parentId: 200,
    translations: t(
      'Order',
      'Bestellung',
      'Commande',
      'Ordine',
      'Pedido',
      'Encomenda',
      'Bestelling',
      'Narudžba',
    ),
  },
  {
    id: 211,
    key: 'ORDER_STATUS',
    parentId: 210,
    subject: 'ORDERS.ORDER_STATUS',
    translations: t(
      'Order status',
      'Bestellstatus',
      'Statut de la commande',
      'Stato dell’ordine',
      'Estado del pedido',
      'Estado da encomenda',
      'Bestelstatus',
      'Status narudžbe',
    ),
  },
  {
    id: 212,
    key: 'ORDER_CONFIRMATION',
    parentId: 210,
    subject: 'ORDERS.ORDER_CONFIRMATION',
    translations: t(
      'Order confirmation',
      'Bestellbestätigung',
      'Confirmation de commande',
      'Conferma d’ordine',
      'Confirmación del pedido',
      'Confirmação da encomenda',
      'Orderbevestiging',
      'Potvrda narudžbe',
    ),
  },
  {
    id: 213,
    key: 'ORDER_CANCELLATION',
    parentId: 210,
    subject: 'ORDERS.ORDER_CANCELLATION',
    translations: t(
      'Order cancellation',
      'Stornierung',
      'Annulation de commande',
      'Annullamento dell’ordine',
      'Cancelación del pedido',
      'Cancelamento da encomenda',
      'Annulering',
      'Otkazivanje narudžbe',
    ),
  },
  {
    id: 220,
    key: 'DELIVERY',
    parentId: 200,
    translations: t(
      'Delivery',
      'Lieferung',
      'Livraison',
      'Consegna',
      'Entrega',
      'Entrega',
      'Levering',
      'Dostava',
    ),
  },
  {
    id: 221,
    key: 'DELIVERY_DELAY',
    parentId: 220,
    subject: 'DELIVERY.DELIVERY_DELAY',
    translations: t(
      'Delivery delay',
      'Lieferverzögerung',
      'Retard de livraison',
      'Ritardo nella consegna',
      'Retraso en la entrega',
      'Atraso na entrega',
      'Leveringsvertraging',
      'Kašnjenje dostave',
    ),
  },
  {
    id: 222,
    key: 'TRACKING',
    parentId: 220,
    subject: 'DELIVERY.TRACKING_INFORMATION',
    translations: t(
      'Tracking information',
      'Sendungsverfolgung',
      'Suivi du colis',
      'Tracciamento',
      'Seguimiento',
      'Rastreamento',
      'Track & trace',
      'Praćenje pošiljke',
    ),
  },
  {
    id: 230,
    key: 'INVOICE',
    parentId: 200,
    translations: t('Invoice', 'Rechnung', 'Facture', 'Fattura', 'Factura', 'Fatura', 'Factuur', 'Račun'),
  },
  {
    id: 231,
    key: 'INVOICE_INSTRUCTIONS',
    parentId: 230,
    subject: 'INVOICES.INVOICE_INSTRUCTIONS',
    translations: t(
      'Invoice instructions',
      'Rechnungshinweise',
      'Instructions de facturation',
      'Istruzioni per la fattura',
      'Instrucciones de factura',
      'Instruções de faturação',
      'Factuurinstructies',
      'Upute za račun',
    ),
  },
  {
    id: 232,
    key: 'INVOICE_ATTACHMENT',
    parentId: 230,
    subject: 'INVOICES.INVOICE_ATTACHMENT',
    translations: t(
      'Invoice attachment',
      'Rechnungsanhang',
      'Facture jointe',
      'Fattura allegata',
      'Factura adjunta',
      'Fatura em anexo',
      'Factuurbijlage',
      'Privitak računa',
    ),
  },
  {
    id: 240,
    key: 'RETURNS',
    parentId: 200,
    translations: t(
      'Returns',
      'Rücksendungen',
      'Retours',
      'Resi',
      'Devoluciones',
      'Devoluções',
      'Retouren',
      'Povrati',
    ),
  },
  {
    id: 241,
    key: 'RETURN_REQUEST',
    parentId: 240,
    subject: 'RETURNS.RETURN_REQUEST',
    translations: t(
      'Return request',
      'Rücksendeanfrage',
      'Demande de retour',
      'Richiesta di reso',
      'Solicitud de devolución',
      'Pedido de devolução',
      'Retourverzoek',
      'Zahtjev za povrat',
    ),
  },
  {
    id: 242,
    key: 'REFUND',
    parentId: 240,
    subject: 'RETURNS.REFUND',
    translations: t(
      'Refund',
      'Erstattung',
      'Remboursement',
      'Rimborso',
      'Reembolso',
      'Reembolso',
      'Terugbetaling',
      'Povrat novca',
    ),
  },
  {
    id: 290,
    key: 'OTHER',
    parentId: 200,
    subject: 'OTHERS',
    translations: t('Other', 'Sonstiges', 'Autre', 'Altro', 'Otro', 'Outro', 'Overig', 'Ostalo'),
  },
];

const byId = new Map(CATEGORIES.map((c) => [c.id, c]));
const parents = new Set(CATEGORIES.map((c) => c.parentId).filter((id): id is number => id !== null));

export function findCategory(id: number): CategoryDef | undefined {
  return byId.get(id);
}

export function isLeafCategory(id: number): boolean {
  return byId.has(id) && !parents.has(id);
}

export function leafCategories(): CategoryDef[] {
  return CATEGORIES.filter((c) => !parents.has(c.id));
}

export interface CategoryNode {
  id: number;
  key: string;
  parentId: number | null;
  translations: Translations[];
  children: CategoryNode[];
}

/** The tree as GET /chat-categories returns it: translations as a one-element array (seed shape). */
export function categoryTree(): CategoryNode[] {
  const node = (c: CategoryDef): CategoryNode => ({
    id: c.id,
    key: c.key,
    parentId: c.parentId,
    translations: [{ ...c.translations }],
    children: CATEGORIES.filter((child) => child.parentId === c.id).map(node),
  });
  return CATEGORIES.filter((c) => c.parentId === null).map(node);
}

/** The `category` object of a Chat in the caller's language. */
export function chatCategory(id: number, locale: Language) {
  const category = byId.get(id);
  if (!category) throw new Error(`Metro sandbox: unknown category ${id}`);
  const parent = category.parentId === null ? undefined : byId.get(category.parentId);
  return {
    id: category.id,
    locale,
    name: category.translations[locale],
    parent: parent ? { id: parent.id, name: parent.translations[locale] } : null,
  };
}

/** Accept-Language: the first supported primary tag in the header's order, else `en` (seed default). */
export function pickLanguage(header: string | undefined): Language {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().split(';')[0]?.split('-')[0]?.toLowerCase() ?? '';
    if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  }
  return 'en';
}
