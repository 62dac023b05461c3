import { assertSupported } from '@sellerchat/core';
import { accountOf, actionRunner } from '../../lib/action.js';
import type { NodeDef, NodeRedApi, RedNode } from '../../lib/red.js';
import { withResult } from '../../lib/reply-context.js';
import { resolveChat, resolveMessageId } from '../../lib/target.js';

interface MarkReadConfig extends NodeDef {
  account?: string;
  chat?: string;
}

/** sellerchat-mark-read: marks a chat read (Ozon: up to a message; Metro: by reading it). */
export default function register(RED: NodeRedApi): void {
  function SellerChatMarkReadNode(this: RedNode, config: MarkReadConfig): void {
    RED.nodes.createNode(this, config);
    const run = actionRunner(this, 'marking read', () => accountOf(RED, config.account));
    this.on('input', (msg, send, done) =>
      run(msg, send, done, async (account) => {
        const caps = account.capabilities();
        assertSupported(caps, 'markRead');
        const client = account.client();
        const chatId = resolveChat(caps, config.chat, msg);
        const upTo = resolveMessageId(undefined, msg);
        const result = await client.markRead(chatId, upTo);
        return withResult(msg, caps.marketplace, chatId, {
          markedRead: { ...result, ...(upTo ? { upToMessageId: upTo } : {}) },
        });
      }),
    );
  }
  RED.nodes.registerType('sellerchat-mark-read', SellerChatMarkReadNode);
}
