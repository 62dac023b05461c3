import { assertSupported } from '@sellerchat/core';
import { accountOf, actionRunner } from '../../lib/action.js';
import { defaultFileName, readFiles } from '../../lib/files.js';
import type { NodeDef, NodeRedApi, RedNode } from '../../lib/red.js';
import { withResult } from '../../lib/reply-context.js';
import { hasFiles, planSend, textOf } from '../../lib/send-plan.js';
import { resolveChat } from '../../lib/target.js';

interface SendConfig extends NodeDef {
  account?: string;
  chat?: string;
}

/** sellerchat-send: msg.payload as a message (msg.attachments as files) into a chat. */
export default function register(RED: NodeRedApi): void {
  function SellerChatSendNode(this: RedNode, config: SendConfig): void {
    RED.nodes.createNode(this, config);
    const run = actionRunner(this, 'sending', () => accountOf(RED, config.account));
    this.on('input', (msg, send, done) =>
      run(msg, send, done, async (account) => {
        const caps = account.capabilities();
        const client = account.client();
        const chatId = resolveChat(caps, config.chat, msg);
        const text = textOf(caps, msg.payload, 'msg.payload');
        // Refused before a file is read when the marketplace takes no files at all.
        if (hasFiles(msg.attachments)) assertSupported(caps, 'sendFile');
        const files = await readFiles(caps, msg.attachments, 'msg.attachments', defaultFileName(msg));
        const calls = planSend(caps, text, files, { text: 'msg.payload', files: 'msg.attachments' });
        const sent = [];
        for (const call of calls) sent.push(await call(client, chatId));
        return withResult(msg, caps.marketplace, chatId, { sent });
      }),
    );
  }
  RED.nodes.registerType('sellerchat-send', SellerChatSendNode);
}
