import type { Attachment } from './attachment.js';
import type { MarketplaceId } from './marketplace.js';

export type SenderRole = 'buyer' | 'seller' | 'marketplace' | 'support';

export interface Message {
  marketplace: MarketplaceId;
  /** Always a string: Ozon ids exceed 2^53. */
  id: string;
  chatId: string;
  sender: SenderRole;
  senderId?: string;
  text: string;
  /** ISO 8601 UTC, the marketplace's time. */
  createdAt: string;
  /** ISO 8601 UTC when the other side read it; undefined when unread or unknown. */
  readAt?: string;
  /** True/false when the marketplace says; undefined when it does not. */
  isRead?: boolean;
  attachments: Attachment[];
  context?: { orderId?: string; orderNumber?: string; postingNumber?: string; sku?: string };
  raw: unknown;
}
