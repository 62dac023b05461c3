import { FIRST_MESSAGE_ID, seededUuid } from './ids.js';
import type { Chat, ChatType, Message, Posting, UserType } from './model.js';

/** All Ozon chats, messages and postings of the sandbox seller. */
export class OzonStore {
  readonly chats = new Map<string, Chat>();
  readonly postings = new Map<string, Posting>();
  #nextMessageId = FIRST_MESSAGE_ID;

  constructor(private readonly random: () => number) {}

  clear(): void {
    this.chats.clear();
    this.postings.clear();
    this.#nextMessageId = FIRST_MESSAGE_ID;
  }

  addPosting(posting: Posting): Posting {
    this.postings.set(posting.postingNumber, posting);
    return posting;
  }

  createChat(input: { chatType: ChatType; createdAt: number; posting?: Posting }): Chat {
    const chat: Chat = {
      chatId: seededUuid(this.random),
      chatType: input.chatType,
      status: 'Opened',
      createdAt: input.createdAt,
      messages: [],
    };
    if (input.posting) chat.posting = input.posting;
    this.chats.set(chat.chatId, chat);
    return chat;
  }

  chatForPosting(postingNumber: string): Chat | undefined {
    for (const chat of this.chats.values()) if (chat.posting?.postingNumber === postingNumber) return chat;
    return undefined;
  }

  addMessage(
    chat: Chat,
    input: {
      user: { id: string; type: UserType };
      data: string[];
      at: number;
      isImage?: boolean;
      isRead?: boolean;
    },
  ): Message {
    const message: Message = {
      id: this.#nextMessageId,
      chatId: chat.chatId,
      user: input.user,
      createdAt: Math.max(input.at, chat.messages.at(-1)?.createdAt ?? input.at),
      data: input.data,
      isImage: input.isImage ?? false,
      isRead: input.isRead ?? false,
    };
    // Not dense: clients must not guess neighbouring ids.
    this.#nextMessageId += 17n;
    chat.messages.push(message);
    return message;
  }

  message(chat: Chat, id: bigint): Message | undefined {
    return chat.messages.find((message) => message.id === id);
  }
}

/** Messages the seller has not read: anyone's but the seller's own. */
export function unread(chat: Chat): Message[] {
  return chat.messages.filter((message) => message.user.type !== 'seller' && !message.isRead);
}

export function lastBuyerMessageAt(chat: Chat): number | undefined {
  for (let i = chat.messages.length - 1; i >= 0; i -= 1) {
    const message = chat.messages[i]!;
    if (message.user.type === 'customer') return message.createdAt;
  }
  return undefined;
}

export function lastActivity(chat: Chat): number {
  return chat.messages.at(-1)?.createdAt ?? chat.createdAt;
}
