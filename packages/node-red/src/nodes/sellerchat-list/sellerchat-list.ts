import { accountOf, actionRunner } from '../../lib/action.js';
import { type ListConfig, listItems } from '../../lib/list-operation.js';
import type { NodeRedApi, RedNode } from '../../lib/red.js';

/** sellerchat-list: chats, a chat's messages, or the chats with unseen messages, into msg.payload. */
export default function register(RED: NodeRedApi): void {
  function SellerChatListNode(this: RedNode, config: ListConfig): void {
    RED.nodes.createNode(this, config);
    const run = actionRunner(this, 'listing', () => accountOf(RED, config.account));
    this.on('input', (msg, send, done) =>
      run(msg, send, done, async (account) => {
        return listItems(account.capabilities(), () => account.client(), config, msg);
      }),
    );
  }
  RED.nodes.registerType('sellerchat-list', SellerChatListNode);
}
