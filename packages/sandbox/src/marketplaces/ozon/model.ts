export type Scheme = 'FBO' | 'FBS' | 'rFBS';
export type ChatType = 'Buyer_Seller' | 'Seller_Support';
export type ChatStatus = 'Opened' | 'Closed';
/** REST user.type values (O-SPEC v3User). */
export type UserType = 'customer' | 'seller' | 'crm' | 'courier' | 'support';

export interface Posting {
  postingNumber: string;
  orderNumber: string;
  scheme: Scheme;
  sku: string;
  paidAt: number;
  deliveredAt?: number;
  customerId: string;
  customerName: string;
}

export interface StoredFile {
  name: string;
  mimeType: string;
  size: number;
  url: string;
}

export interface Message {
  /** uint64 beyond 2^53: a bigint here, a decimal string on the wire. */
  id: bigint;
  chatId: string;
  user: { id: string; type: UserType };
  createdAt: number;
  updatedAt?: number;
  /** Markdown strings, as the API sends them. */
  data: string[];
  isImage: boolean;
  /** Read by the other side: the seller for buyer/support messages, the buyer for seller messages. */
  isRead: boolean;
  file?: StoredFile;
}

export interface Chat {
  chatId: string;
  chatType: ChatType;
  status: ChatStatus;
  createdAt: number;
  posting?: Posting;
  /** Oldest first; ids grow with time. */
  messages: Message[];
}
