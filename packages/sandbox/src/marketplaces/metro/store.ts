/**
 * In-memory state of one Metro organization: orders, chats, messages and uploaded files.
 * Chats are kept sorted by activity (lastMessageAt desc, newest activity first on ties) so an
 * unfiltered page is a slice, and the indexes below answer the id filters without a scan.
 */
export type SenderType = 'SELLER' | 'BUYER';

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
}

export interface Organization {
  id: string;
  shopName: string;
}

export interface Order {
  id: string;
  orderNumber: string;
  /** Country code; also what `filters[destinations][]` matches (a guess, fidelity-metro.md). */
  salesChannel: string;
  buyer: Person;
  emailsExist: boolean;
  chatId?: string;
}

export interface StoredFile {
  fileId: string;
  fileName: string;
  fileType: string;
  size: number;
  orderId: string;
  url: string;
}

export interface StoredAttachment {
  fileId: string;
  fileName: string;
  fileType: string;
  size: number;
  url: string;
}

export interface StoredMessage {
  id: string;
  chatId: string;
  senderUserType: SenderType;
  senderId: string;
  receiverId: string;
  content: string;
  seenAtMs: number | null;
  createdAtMs: number;
  attachments: StoredAttachment[];
}

export interface StoredChat {
  id: string;
  orderId: string;
  categoryId: number;
  /** Full subject, e.g. `SELLER.ORDERS.ORDER_CONFIRMATION`. */
  subject: string;
  customSubject: string | null;
  createdAtMs: number;
  lastMessageAtMs: number;
  messages: StoredMessage[];
  /** BUYER messages with seenAt null: the chat is unseen while this is above zero. */
  unseenBuyerCount: number;
  /** When the oldest buyer message the seller has not answered yet arrived (drives OVER_SLA). */
  unansweredSinceMs: number | null;
  /** Activity counter: breaks lastMessageAt ties, most recent activity first. */
  seq: number;
}

export class MetroStore {
  readonly orders = new Map<string, Order>();
  readonly orderIdByNumber = new Map<string, string>();
  readonly chats = new Map<string, StoredChat>();
  readonly files = new Map<string, StoredFile>();
  /** Chat ids with unseen BUYER messages. */
  readonly unseen = new Set<string>();
  /** Messages sent through the API, in sending order (control API's sellerMessages). */
  readonly sentBySeller: StoredMessage[] = [];
  private readonly sorted: StoredChat[] = [];
  private seqCounter = 0;

  constructor(
    readonly organization: Organization,
    readonly account: Person,
  ) {}

  addOrder(order: Order): void {
    this.orders.set(order.id, order);
    this.orderIdByNumber.set(order.orderNumber, order.id);
  }

  createChat(
    input: Omit<StoredChat, 'messages' | 'unseenBuyerCount' | 'unansweredSinceMs' | 'seq'>,
  ): StoredChat {
    const order = this.orders.get(input.orderId);
    if (!order) throw new Error(`Metro sandbox: unknown order ${input.orderId}`);
    const chat: StoredChat = {
      ...input,
      messages: [],
      unseenBuyerCount: 0,
      unansweredSinceMs: null,
      seq: ++this.seqCounter,
    };
    order.chatId = chat.id;
    this.chats.set(chat.id, chat);
    this.insertSorted(chat);
    return chat;
  }

  addMessage(chat: StoredChat, message: StoredMessage): void {
    this.removeSorted(chat);
    chat.messages.push(message);
    chat.lastMessageAtMs = message.createdAtMs;
    chat.seq = ++this.seqCounter;
    if (message.senderUserType === 'BUYER') {
      if (message.seenAtMs === null) chat.unseenBuyerCount++;
      chat.unansweredSinceMs ??= message.createdAtMs;
    } else {
      chat.unansweredSinceMs = null;
    }
    this.syncUnseen(chat);
    this.insertSorted(chat);
  }

  /** Sets seenAt on every unseen message of one sender type; returns how many changed. */
  markSeen(chat: StoredChat, senderUserType: SenderType, atMs: number): number {
    let changed = 0;
    for (const message of chat.messages) {
      if (message.senderUserType === senderUserType && message.seenAtMs === null) {
        message.seenAtMs = atMs;
        changed++;
      }
    }
    if (senderUserType === 'BUYER') {
      chat.unseenBuyerCount = 0;
      this.syncUnseen(chat);
    }
    return changed;
  }

  /** All chats, most recent activity first. Read-only view: callers must not mutate. */
  byActivity(): readonly StoredChat[] {
    return this.sorted;
  }

  /** Chats with unseen buyer messages, most recent activity first: O(k log k) for k unseen chats. */
  unseenByActivity(): StoredChat[] {
    const chats: StoredChat[] = [];
    for (const id of this.unseen) {
      const chat = this.chats.get(id);
      if (chat) chats.push(chat);
    }
    return chats.sort((a, b) => (before(a, b) ? -1 : 1));
  }

  private syncUnseen(chat: StoredChat): void {
    if (chat.unseenBuyerCount > 0) this.unseen.add(chat.id);
    else this.unseen.delete(chat.id);
  }

  private insertSorted(chat: StoredChat): void {
    this.sorted.splice(this.position(chat), 0, chat);
  }

  private removeSorted(chat: StoredChat): void {
    const index = this.position(chat);
    if (this.sorted[index] !== chat) throw new Error(`Metro sandbox: chat ${chat.id} lost its sort position`);
    this.sorted.splice(index, 1);
  }

  /** First index whose chat does not sort before `chat` (binary search). */
  private position(chat: StoredChat): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.sorted[mid] as StoredChat;
      if (before(other, chat)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function before(a: StoredChat, b: StoredChat): boolean {
  return a.lastMessageAtMs > b.lastMessageAtMs || (a.lastMessageAtMs === b.lastMessageAtMs && a.seq > b.seq);
}
