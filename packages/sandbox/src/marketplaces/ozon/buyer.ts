import type { BuyerAttachment, SandboxContext } from '../../types.js';
import { CLIENT_ID } from './credentials.js';
import { fileMarkdown, typeOfName } from './endpoints/file-types.js';
import { MAX_TEXT_LENGTH } from './endpoints/send-message.js';
import type { Chat, Message, Scheme } from './model.js';
import {
  chatClosedNotification,
  messageReadNotification,
  newMessageNotification,
  updateMessageNotification,
} from './push.js';
import { newPosting, SUPPORT_USER_ID } from './seed.js';
import type { OzonSettings } from './settings.js';
import type { OzonStore } from './store.js';

const HOUR = 60 * 60 * 1000;
const SCHEMES: Record<string, Scheme> = { fbo: 'FBO', fbs: 'FBS', rfbs: 'rFBS' };

/** What the control API and buyer page do to Ozon chats, with the pushes Ozon would send. */
export class OzonBuyer {
  constructor(
    private readonly store: OzonStore,
    private readonly ctx: SandboxContext,
    private readonly settings: () => OzonSettings,
  ) {}

  #chat(chatId: string): Chat {
    const chat = this.store.chats.get(chatId);
    if (!chat) throw new Error(`Ozon chat ${chatId} does not exist`);
    return chat;
  }

  #reader(chat: Chat): { id: string; type: 'customer' | 'support' } {
    return chat.chatType === 'Seller_Support'
      ? { id: SUPPORT_USER_ID, type: 'support' }
      : { id: chat.posting?.customerId ?? '0', type: 'customer' };
  }

  /**
   * The buyer (or support, in a support chat) reads the seller's messages: TYPE_MESSAGE_READ
   * names the newest one. Nothing is pushed when there was nothing new to read.
   */
  read(chatId: string): void {
    const chat = this.#chat(chatId);
    const fresh = chat.messages.filter((message) => message.user.type === 'seller' && !message.isRead);
    for (const message of fresh) message.isRead = true;
    const newest = fresh.at(-1);
    if (newest) {
      this.ctx.push(
        messageReadNotification(
          chat,
          newest,
          this.#reader(chat),
          CLIENT_ID,
          this.settings().cyrillicCustomer,
        ),
      );
    }
  }

  /** Writing implies the writer has seen the seller's earlier messages, so they are read first. */
  write(chatId: string, text: string, attachment?: BuyerAttachment): string {
    const chat = this.#chat(chatId);
    if (chat.status === 'Closed') throw new Error(`Ozon chat ${chatId} is closed: the buyer cannot write`);
    if ([...text].length > MAX_TEXT_LENGTH) {
      throw new Error(`Ozon message text is longer than ${MAX_TEXT_LENGTH} characters`);
    }
    if (text === '' && !attachment) throw new Error('Ozon buyer message needs a text or an attachment');
    this.read(chatId);
    const data = text === '' ? [] : [text];
    let file: Message['file'];
    let isImage = false;
    if (attachment) {
      const type = typeOfName(attachment.name);
      const stored = this.ctx.storeFile(attachment);
      isImage = type.isImage;
      data.push(fileMarkdown(attachment.name, stored.url, isImage));
      file = {
        name: attachment.name,
        mimeType: attachment.mimeType,
        size: attachment.data.length,
        url: stored.url,
      };
    }
    const writer = this.#reader(chat);
    const message = this.store.addMessage(chat, { user: writer, data, isImage, at: this.ctx.now() });
    if (file) message.file = file;
    this.ctx.push(newMessageNotification(chat, message, CLIENT_ID, this.settings().cyrillicCustomer));
    return String(message.id);
  }

  /** The buyer edits one of their messages: TYPE_UPDATE_MESSAGE. */
  edit(chatId: string, messageId: string, text: string): void {
    const chat = this.#chat(chatId);
    const message = /^\d+$/.test(messageId) ? this.store.message(chat, BigInt(messageId)) : undefined;
    if (!message || message.user.type === 'seller') {
      throw new Error(`Ozon message ${messageId} is not a buyer message of chat ${chatId}`);
    }
    message.data = [text];
    message.updatedAt = this.ctx.now();
    this.ctx.push(updateMessageNotification(chat, message, CLIENT_ID, this.settings().cyrillicCustomer));
  }

  /** kind: fbo (default), fbs or rfbs: a fresh paid posting with a buyer chat about it. */
  openChat(input: { text: string; name?: string; kind?: string }): { chatId: string; messageId: string } {
    const scheme = SCHEMES[(input.kind ?? 'fbo').toLowerCase()];
    if (!scheme) throw new Error(`Ozon chat kind must be fbo, fbs or rfbs, got "${input.kind}"`);
    const now = this.ctx.now();
    const posting = newPosting(
      this.store,
      this.ctx,
      scheme,
      now - HOUR,
      undefined,
      input.name ?? 'Sandbox Buyer',
    );
    const chat = this.store.createChat({ chatType: 'Buyer_Seller', createdAt: now, posting });
    return { chatId: chat.chatId, messageId: this.write(chat.chatId, input.text) };
  }

  close(chatId: string): void {
    const chat = this.#chat(chatId);
    if (chat.status === 'Closed') return;
    chat.status = 'Closed';
    this.ctx.push(
      chatClosedNotification(chat, this.#reader(chat), CLIENT_ID, this.settings().cyrillicCustomer),
    );
  }
}
