import { accountOf, actionRunner } from '../../lib/action.js';
import type { NodeRedApi, RedNode } from '../../lib/red.js';
import { type StartChatConfig, startChatInput } from '../../lib/start-chat-input.js';

/** sellerchat-start-chat: opens (or finds) the chat about an order, return or posting. */
export default function register(RED: NodeRedApi): void {
  function SellerChatStartChatNode(this: RedNode, config: StartChatConfig): void {
    RED.nodes.createNode(this, config);
    const run = actionRunner(this, 'starting chat', () => accountOf(RED, config.account));
    this.on('input', (msg, send, done) =>
      run(msg, send, done, async (account) => {
        const caps = account.capabilities();
        const input = startChatInput(caps, config, msg);
        const chat = await account.client().startChat(input);
        // msg.payload passes through: start chat → send writes the first message with it.
        msg.topic = chat.id;
        const previous = typeof msg.sellerchat === 'object' && msg.sellerchat !== null ? msg.sellerchat : {};
        msg.sellerchat = { ...previous, chat, reply: { marketplace: caps.marketplace, chatId: chat.id } };
        return msg;
      }),
    );
  }
  RED.nodes.registerType('sellerchat-start-chat', SellerChatStartChatNode);
}
