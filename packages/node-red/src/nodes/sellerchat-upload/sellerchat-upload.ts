import { accountOf, actionRunner } from '../../lib/action.js';
import type { NodeRedApi, RedNode } from '../../lib/red.js';
import { type UploadConfig, uploadFiles } from '../../lib/upload-operation.js';

/** sellerchat-upload: files into a chat (Metro: upload and attach, or upload only). */
export default function register(RED: NodeRedApi): void {
  function SellerChatUploadNode(this: RedNode, config: UploadConfig): void {
    RED.nodes.createNode(this, config);
    const run = actionRunner(this, 'uploading', () => accountOf(RED, config.account));
    this.on('input', (msg, send, done) =>
      run(msg, send, done, async (account) => {
        return uploadFiles(account.capabilities(), () => account.client(), config, msg);
      }),
    );
  }
  RED.nodes.registerType('sellerchat-upload', SellerChatUploadNode);
}
