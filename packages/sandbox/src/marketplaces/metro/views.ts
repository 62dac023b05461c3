import { chatCategory, type Language } from './categories.js';
import { chatStatus } from './status.js';
import type { MetroStore, StoredChat, StoredMessage } from './store.js';
import { formatRfc3339 } from './time.js';

/** The Chat object of seed:metro-chats, field for field. */
export function chatView(store: MetroStore, chat: StoredChat, locale: Language, nowMs: number) {
  const order = store.orders.get(chat.orderId);
  if (!order) throw new Error(`Metro sandbox: chat ${chat.id} has no order`);
  return {
    id: chat.id,
    status: chatStatus(chat, nowMs),
    subject: chat.subject,
    customSubject: chat.customSubject,
    category: chatCategory(chat.categoryId, locale),
    createdAt: formatRfc3339(chat.createdAtMs),
    lastMessageAt: formatRfc3339(chat.lastMessageAtMs),
    isSeen: chat.unseenBuyerCount === 0,
    unseenMessagesCount: chat.unseenBuyerCount,
    order: { id: order.id, orderNumber: order.orderNumber, salesChannel: order.salesChannel },
    buyer: { ...order.buyer },
    seller: { accounts: [{ ...store.account }], organization: { ...store.organization } },
  };
}

/** The Message object of seed:metro-messages. */
export function messageView(message: StoredMessage) {
  return {
    id: message.id,
    chatId: message.chatId,
    senderId: message.senderId,
    senderUserType: message.senderUserType,
    receiverId: message.receiverId,
    content: message.content,
    seenAt: message.seenAtMs === null ? null : formatRfc3339(message.seenAtMs),
    createdAt: formatRfc3339(message.createdAtMs),
    attachments: message.attachments.map((a) => ({
      fileId: a.fileId,
      fileType: a.fileType,
      fileName: a.fileName,
      downloadUrl: a.url,
    })),
  };
}
