import { toWholeSecond } from './storeden-dates.js';
import { StoredenIdGenerator } from './storeden-ids.js';

export interface StoredenMessage {
  id: string;
  fromMyself: boolean;
  text: string;
  sentAt: number;
  /** When the merchant read it (their own messages: when sent); null = not yet. */
  readByMerchantAt: number | null;
  /** When the buyer read it (their own messages: when sent); null = not yet. */
  readByBuyerAt: number | null;
}

export interface StoredenConversation {
  withId: number;
  name: string;
  /** Oldest first. */
  messages: StoredenMessage[];
}

/** The merchant's own user id in `from_id`; 132 as in the docs' example. */
export const MERCHANT_ID = 132;

/** One store's conversations: one per buyer, keyed by the buyer's `with_id`. */
export class StoredenStore {
  readonly conversations = new Map<number, StoredenConversation>();
  /** Messages the merchant sent through the API, oldest first (the control API's seller messages). */
  readonly sentByMerchant: Array<{ withId: number; message: StoredenMessage }> = [];
  #ids: StoredenIdGenerator;

  constructor(random: () => number) {
    this.#ids = new StoredenIdGenerator(random);
  }

  /** Drop everything; ids continue from a fresh generator drawn from `random`. */
  clear(random: () => number): void {
    this.conversations.clear();
    this.sentByMerchant.length = 0;
    this.#ids = new StoredenIdGenerator(random);
  }

  nextWithId(random: () => number): number {
    let highest = 48_000;
    for (const withId of this.conversations.keys()) highest = Math.max(highest, withId);
    return highest + 1 + Math.floor(random() * 20);
  }

  addConversation(withId: number, name: string): StoredenConversation {
    const conversation: StoredenConversation = { withId, name, messages: [] };
    this.conversations.set(withId, conversation);
    return conversation;
  }

  append(
    conversation: StoredenConversation,
    input: { fromMyself: boolean; text: string; at: number; readByOtherAt?: number | null },
  ): StoredenMessage {
    const sentAt = toWholeSecond(input.at);
    const other = input.readByOtherAt ?? null;
    const message: StoredenMessage = {
      id: this.#ids.next(sentAt),
      fromMyself: input.fromMyself,
      text: input.text,
      sentAt,
      readByMerchantAt: input.fromMyself ? sentAt : other,
      readByBuyerAt: input.fromMyself ? other : sentAt,
    };
    conversation.messages.push(message);
    return message;
  }
}
