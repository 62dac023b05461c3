// Which seller message answers which buyer message. The flows under test write a tag naming the
// buyer message into their reply, so a check can pair them without trusting the host's own
// account of what it did.
import type { RunningSandbox } from '../server/launch-sandbox.js';

/** The tag a flow writes into its reply, so each seller message names the buyer message it answers. */
export const replyTag = (messageId: string) => `[re:${messageId}]`;
const TAG = /\[re:([^\]]+)\]/;

/** Seller messages per marketplace at one moment: the seeded ones (and earlier tests') are not replies. */
export type SellerBaseline = Record<string, number>;

export function sellerBaseline(sb: RunningSandbox): SellerBaseline {
  return Object.fromEntries(
    sb.control.marketplaces().map(({ id }) => [id, sb.control.sellerMessages(id).length]),
  );
}

export interface SellerReply {
  marketplace: string;
  chatId: string;
  /** The buyer message id named by the reply's tag; undefined when the reply names none. */
  answers: string | undefined;
}

/** Every seller message stored since `baseline`, with the buyer message its tag names. */
export function repliesSince(sb: RunningSandbox, baseline: SellerBaseline): SellerReply[] {
  return Object.entries(baseline).flatMap(([marketplace, count]) =>
    sb.control
      .sellerMessages(marketplace)
      .slice(count)
      .map((m) => ({ marketplace, chatId: m.chatId, answers: TAG.exec(m.text)?.[1] })),
  );
}
