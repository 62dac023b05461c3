import type { BuyerAttachment, SandboxContext } from '../../types.js';
import { BUSINESS_ID } from './credentials.js';
import { MAX_MESSAGE_LENGTH } from './endpoints/send-message.js';
import type { Chat, Customer, Order, Payload } from './model.js';
import {
  arbitrageFinishedNotification,
  arbitrageStartedNotification,
  chatCreatedNotification,
  messageSentNotification,
} from './push.js';
import type { YandexStore } from './store.js';

/** What the control API and the buyer page do to Yandex chats, with the pushes Market would send. */
export class YandexBuyer {
  constructor(
    private readonly store: YandexStore,
    private readonly ctx: SandboxContext,
  ) {}

  #chat(chatId: string): Chat {
    const chat = /^\d+$/.test(chatId) ? this.store.chats.get(Number(chatId)) : undefined;
    if (!chat) throw new Error(`Yandex chat ${chatId} does not exist`);
    return chat;
  }

  write(chatId: string, text: string, attachment?: BuyerAttachment): string {
    const chat = this.#chat(chatId);
    if (chat.status === 'FINISHED')
      throw new Error(`Yandex chat ${chatId} is FINISHED: the buyer cannot write`);
    if (text.length > MAX_MESSAGE_LENGTH) {
      throw new Error(`Yandex message text is ${text.length} characters; the limit is ${MAX_MESSAGE_LENGTH}`);
    }
    if (text === '' && !attachment) throw new Error('Yandex buyer message needs a text or an attachment');
    let payload: Payload[] | undefined;
    if (attachment) {
      const stored = this.ctx.storeFile(attachment);
      payload = [
        {
          name: attachment.name,
          url: stored.url,
          size: attachment.data.length,
          mimeType: attachment.mimeType,
        },
      ];
    }
    const message = this.store.addMessage(chat, {
      sender: 'CUSTOMER',
      ...(text !== '' ? { message: text } : {}),
      ...(payload ? { payload } : {}),
      at: this.ctx.now(),
    });
    this.ctx.push(messageSentNotification(chat, message));
    return String(message.messageId);
  }

  /** kind: 'direct' (default; only buyers open these), 'order' or 'return' (a fresh order). */
  openChat(input: { text: string; name?: string; kind?: string }): { chatId: string; messageId: string } {
    const kind = (input.kind ?? 'direct').toLowerCase();
    if (kind !== 'direct' && kind !== 'order' && kind !== 'return') {
      throw new Error(`Yandex chat kind must be direct, order or return, got "${input.kind}"`);
    }
    const customer: Customer = {
      name: input.name ?? 'Sandbox Buyer',
      publicId: `u${Math.floor(this.ctx.random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0')}`,
    };
    let order: Order | undefined;
    if (kind !== 'direct') {
      const orderId = Math.max(50_000_000, ...this.store.orders.keys()) + 11;
      const returnIds = [...this.store.orders.values()].map((o) => o.returnId ?? 0);
      order = this.store.addOrder({
        businessId: BUSINESS_ID,
        orderId,
        campaignId: 21_000_001,
        customer,
        ...(kind === 'return' ? { returnId: Math.max(8_000_000, ...returnIds) + 1 } : {}),
      });
    }
    const chat = this.store.createChat({
      businessId: BUSINESS_ID,
      type: 'CHAT',
      context: order
        ? {
            type: kind === 'return' ? 'RETURN' : 'ORDER',
            customer,
            campaignId: order.campaignId,
            orderId: order.orderId,
            ...(order.returnId !== undefined ? { returnId: order.returnId } : {}),
          }
        : { type: 'DIRECT', customer },
      createdAt: this.ctx.now(),
    });
    this.ctx.push(chatCreatedNotification(chat));
    const messageId = this.write(String(chat.chatId), input.text);
    return { chatId: String(chat.chatId), messageId };
  }

  close(chatId: string): void {
    const chat = this.#chat(chatId);
    if (chat.status === 'FINISHED') return;
    chat.status = 'FINISHED';
    if (chat.type === 'ARBITRAGE') this.ctx.push(arbitrageFinishedNotification(chat, this.ctx.now()));
  }

  /** The buyer opens a dispute: the chat becomes ARBITRAGE and waits for the arbiter. */
  startArbitrage(chatId: string): void {
    const chat = this.#chat(chatId);
    if (chat.context.type === 'DIRECT') throw new Error('Yandex DIRECT chats have no disputes');
    chat.type = 'ARBITRAGE';
    chat.status = 'WAITING_FOR_ARBITER';
    this.ctx.push(arbitrageStartedNotification(chat, this.ctx.now()));
  }
}
