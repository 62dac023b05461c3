// Buyers who keep writing into the sandbox while the host under test is disturbed (killed,
// redeployed): the load of the restart tests of both host packages. Random but seeded (pass a
// createSeededRandom), so a failing run can be replayed with the same kill times and buyer choices.
import type { RunningSandbox } from '../server/launch-sandbox.js';
import { repliesSince, type SellerBaseline } from './seller-replies.js';
import type { ChatRef } from './writable-chats.js';

/** A whole number in [min, max] drawn from `random`. */
export const between = (random: () => number, min: number, max: number) =>
  Math.round(min + random() * (max - min));

export interface Written extends ChatRef {
  messageId: string;
}

/**
 * Buyers who write one message every 150–300 ms in a chat picked at random. A buyer asks again
 * in a chat only once the last question there was answered: the redelivery rule counts a buyer
 * message answered as soon as any seller message follows it, so a reply to an earlier question
 * written after a later one would count for both — a limit of that rule, not what a restart test
 * is about.
 */
export class Buyers {
  readonly written: Written[] = [];
  readonly #open = new Map<string, string>();
  #timer: NodeJS.Timeout | undefined;
  #count = 0;

  constructor(
    private readonly sb: RunningSandbox,
    private readonly chats: ChatRef[],
    private readonly baseline: SellerBaseline,
    private readonly random: () => number,
  ) {}

  start(): void {
    const tick = () => {
      this.#writeOne();
      this.#timer = setTimeout(tick, between(this.random, 150, 300));
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #writeOne(): void {
    const answered = new Set(repliesSince(this.sb, this.baseline).map((r) => r.answers));
    for (const [key, messageId] of this.#open) if (answered.has(messageId)) this.#open.delete(key);
    const idle = this.chats.filter((c) => !this.#open.has(`${c.marketplace}/${c.chatId}`));
    if (idle.length === 0) return;
    const chat = idle[Math.floor(this.random() * idle.length)]!;
    this.#count += 1;
    const { messageId } = this.sb.control.buyerWrite(chat.marketplace, {
      chatId: chat.chatId,
      text: `Question ${this.#count}: is it in stock?`,
    });
    this.#open.set(`${chat.marketplace}/${chat.chatId}`, messageId);
    this.written.push({ ...chat, messageId });
  }
}
