export type ContextType = 'ORDER' | 'RETURN' | 'DIRECT';
export type ChatType = 'CHAT' | 'ARBITRAGE';
export type ChatStatus =
  | 'NEW'
  | 'WAITING_FOR_CUSTOMER'
  | 'WAITING_FOR_PARTNER'
  | 'WAITING_FOR_ARBITER'
  | 'WAITING_FOR_MARKET'
  | 'FINISHED';
export type Sender = 'PARTNER' | 'CUSTOMER' | 'MARKET' | 'SUPPORT';

export const CONTEXT_TYPES: readonly ContextType[] = ['ORDER', 'RETURN', 'DIRECT'];
export const CHAT_TYPES: readonly ChatType[] = ['CHAT', 'ARBITRAGE'];
export const CHAT_STATUSES: readonly ChatStatus[] = [
  'NEW',
  'WAITING_FOR_CUSTOMER',
  'WAITING_FOR_PARTNER',
  'WAITING_FOR_ARBITER',
  'WAITING_FOR_MARKET',
  'FINISHED',
];

export interface Customer {
  name: string;
  publicId: string;
}

export interface Payload {
  name: string;
  url: string;
  size: number;
  mimeType: string;
}

export interface Message {
  messageId: number;
  chatId: number;
  sender: Sender;
  message?: string;
  payload?: Payload[];
  createdAt: number;
}

export interface ChatContext {
  type: ContextType;
  customer: Customer;
  campaignId?: number;
  orderId?: number;
  returnId?: number;
}

export interface Chat {
  chatId: number;
  businessId: number;
  type: ChatType;
  status: ChatStatus;
  context: ChatContext;
  createdAt: number;
  /** Oldest first; ids grow with time. */
  messages: Message[];
}

/** An order (and maybe its return) a seller may open a chat for with chats/new. */
export interface Order {
  businessId: number;
  orderId: number;
  campaignId: number;
  customer: Customer;
  returnId?: number;
}
