import type { BuyerAttachment, SandboxContext, ThreadMessage, ThreadSummary } from '../../types.js';
import {
  ALLOWED_FILE_TYPES,
  bareMimeType,
  isAllowedFileType,
  MAX_ATTACHMENT_BYTES,
} from './attachment-rules.js';
import type { CategoryDef } from './categories.js';
import { uuidFrom } from './ids.js';
import { addOrder, buyerCategories, buyerNamed, randomBuyer } from './people.js';
import { chatStatus } from './status.js';
import type { MetroStore, StoredChat, StoredMessage } from './store.js';
import { formatIsoUtc, wholeSeconds } from './time.js';

/** The control API's buyer side and read views, over one store. */
export class MetroControl {
  constructor(
    private readonly ctx: SandboxContext,
    private readonly store: () => MetroStore,
  ) {}

  buyerWrite(chatId: string, text: string, attachment?: BuyerAttachment): string {
    const store = this.store();
    const chat = store.chats.get(chatId);
    if (!chat) throw new Error(`Metro sandbox: no chat '${chatId}'`);
    if (text.trim() === '' && !attachment)
      throw new Error('Metro sandbox: a buyer message needs text or a file');
    const order = store.orders.get(chat.orderId);
    if (!order) throw new Error(`Metro sandbox: chat ${chatId} has no order`);
    const now = wholeSeconds(this.ctx.now());
    // Replying shows the buyer read everything the seller wrote before.
    store.markSeen(chat, 'SELLER', now);
    const message: StoredMessage = {
      id: uuidFrom(this.ctx.random),
      chatId,
      senderUserType: 'BUYER',
      senderId: order.buyer.id,
      receiverId: store.account.id,
      content: text,
      seenAtMs: null,
      createdAtMs: now,
      attachments: attachment ? [this.storeAttachment(store, chat, attachment)] : [],
    };
    store.addMessage(chat, message);
    return message.id;
  }

  /** A buyer opens a chat on a new order of theirs; `kind` may name a category key (e.g. REFUND). */
  buyerOpenChat(input: { text: string; name?: string; kind?: string }): {
    chatId: string;
    messageId: string;
  } {
    const store = this.store();
    const category = buyerCategory(input.kind);
    const random = this.ctx.random;
    const buyer = input.name?.trim() ? buyerNamed(random, input.name) : randomBuyer(random);
    const now = wholeSeconds(this.ctx.now());
    const order = addOrder(store, random, now, buyer);
    const chat = store.createChat({
      id: uuidFrom(random),
      orderId: order.id,
      categoryId: category.id,
      subject: `BUYER.${category.subject}`,
      customSubject: null,
      createdAtMs: now,
      lastMessageAtMs: now,
    });
    return { chatId: chat.id, messageId: this.buyerWrite(chat.id, input.text) };
  }

  closeChat(chatId: string): void {
    if (!this.store().chats.has(chatId)) throw new Error(`Metro sandbox: no chat '${chatId}'`);
    throw new Error(
      'Metro Markets chats cannot be closed: the documented statuses are DRAFT, WAITING_FOR_BUYER, WAITING_FOR_SELLER and OVER_SLA',
    );
  }

  listThreads(): ThreadSummary[] {
    const store = this.store();
    const now = this.ctx.now();
    return store.byActivity().map((chat) => {
      const order = store.orders.get(chat.orderId);
      const buyer = order ? `${order.buyer.firstName} ${order.buyer.lastName}`.trim() : '';
      return {
        chatId: chat.id,
        title: `${order?.orderNumber ?? chat.orderId} · ${buyer}`,
        status: chatStatus(chat, now),
        lastMessageAt: formatIsoUtc(chat.lastMessageAtMs),
        context: { orderId: chat.orderId, orderNumber: order?.orderNumber ?? '' },
      };
    });
  }

  thread(chatId: string): ThreadMessage[] | undefined {
    return this.store().chats.get(chatId)?.messages.map(threadMessage);
  }

  /** Only what arrived through POST .../messages, not the seeded history. */
  sellerMessages(): Array<ThreadMessage & { chatId: string }> {
    return [...this.store().sentBySeller]
      .sort((a, b) => a.createdAtMs - b.createdAtMs)
      .map((m) => ({ ...threadMessage(m), chatId: m.chatId }));
  }

  private storeAttachment(store: MetroStore, chat: StoredChat, file: BuyerAttachment) {
    const type = bareMimeType(file.mimeType);
    if (!isAllowedFileType(type)) {
      throw new Error(
        `Metro sandbox: file type '${type}' is not allowed (allowed: ${ALLOWED_FILE_TYPES.join(', ')})`,
      );
    }
    if (file.data.length > MAX_ATTACHMENT_BYTES) {
      throw new Error(
        `Metro sandbox: file is ${file.data.length} bytes; the limit is ${MAX_ATTACHMENT_BYTES}`,
      );
    }
    const stored = this.ctx.storeFile({ ...file, mimeType: type });
    return {
      fileId: `files/${store.organization.id}/${chat.orderId}/${uuidFrom(this.ctx.random)}`,
      fileName: file.name,
      fileType: type,
      size: file.data.length,
      url: stored.url,
    };
  }
}

function buyerCategory(kind: string | undefined): CategoryDef {
  const leaves = buyerCategories();
  const fallback = leaves.find((c) => c.key === 'ORDER_STATUS') ?? leaves[0];
  if (!fallback) throw new Error('Metro sandbox: no buyer categories');
  // Metro chats always belong to an order, so the generic kind 'order' means the default category.
  if (kind === undefined || kind === '' || kind.toLowerCase() === 'order') return fallback;
  const wanted = kind.toUpperCase();
  const match = leaves.find((c) => c.key === wanted || c.subject === wanted || String(c.id) === kind);
  if (!match) {
    throw new Error(
      `Metro sandbox: unknown chat kind '${kind}' (use one of ${leaves.map((c) => c.key).join(', ')})`,
    );
  }
  return match;
}

function threadMessage(message: StoredMessage): ThreadMessage {
  return {
    id: message.id,
    from: message.senderUserType === 'BUYER' ? 'buyer' : 'seller',
    text: message.content,
    at: formatIsoUtc(message.createdAtMs),
    attachments: message.attachments.map((a) => ({
      name: a.fileName,
      mimeType: a.fileType,
      size: a.size,
      url: a.url,
    })),
  };
}
