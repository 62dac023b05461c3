import type { Chat, ChatContext, ChatType, Message, Order, Payload, Sender } from './model.js';
import { statusAfterMessage } from './status.js';

// Above 2^31 and 2^32 respectively, so a client that keeps ids in 32-bit integers breaks here.
const FIRST_CHAT_ID = 2_150_000_001;
const FIRST_MESSAGE_ID = 5_000_000_001;

/** All Yandex chats, messages and orders of every cabinet. */
export class YandexStore {
  readonly chats = new Map<number, Chat>();
  readonly orders = new Map<number, Order>();
  #nextChatId = FIRST_CHAT_ID;
  #nextMessageId = FIRST_MESSAGE_ID;

  clear(): void {
    this.chats.clear();
    this.orders.clear();
    this.#nextChatId = FIRST_CHAT_ID;
    this.#nextMessageId = FIRST_MESSAGE_ID;
  }

  addOrder(order: Order): Order {
    this.orders.set(order.orderId, order);
    return order;
  }

  createChat(input: { businessId: number; type: ChatType; context: ChatContext; createdAt: number }): Chat {
    const chat: Chat = {
      chatId: this.#nextChatId,
      businessId: input.businessId,
      type: input.type,
      status: 'NEW',
      context: input.context,
      createdAt: input.createdAt,
      messages: [],
    };
    // Gaps between ids: real ids are not dense, and clients must not assume they are.
    this.#nextChatId += 7;
    this.chats.set(chat.chatId, chat);
    return chat;
  }

  chat(businessId: number, chatId: number): Chat | undefined {
    const chat = this.chats.get(chatId);
    return chat && chat.businessId === businessId ? chat : undefined;
  }

  /** The chat already open for an ORDER or RETURN context (chats/new is idempotent). */
  chatForContext(businessId: number, type: 'ORDER' | 'RETURN', id: number): Chat | undefined {
    for (const chat of this.chats.values()) {
      if (chat.businessId !== businessId || chat.context.type !== type) continue;
      if (type === 'ORDER' && chat.context.orderId === id) return chat;
      if (type === 'RETURN' && chat.context.returnId === id) return chat;
    }
    return undefined;
  }

  orderForReturn(returnId: number): Order | undefined {
    for (const order of this.orders.values()) if (order.returnId === returnId) return order;
    return undefined;
  }

  /** Append a message and move the chat's status as the sender implies. */
  addMessage(
    chat: Chat,
    input: { sender: Sender; message?: string; payload?: Payload[]; at: number },
  ): Message {
    const message: Message = {
      messageId: this.#nextMessageId,
      chatId: chat.chatId,
      sender: input.sender,
      createdAt: Math.max(input.at, chat.messages.at(-1)?.createdAt ?? input.at),
    };
    if (input.message !== undefined) message.message = input.message;
    if (input.payload && input.payload.length > 0) message.payload = input.payload;
    this.#nextMessageId += 3;
    chat.messages.push(message);
    chat.status = statusAfterMessage(chat.status, input.sender);
    return message;
  }
}
