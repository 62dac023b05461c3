import { CAPABILITIES } from '@sellerchat/core';
import { AccountRuntime } from '../../lib/account-runtime.js';
import { ACCOUNT_CREDENTIALS, type AccountConfig } from '../../lib/account-settings.js';
import type { AccountNode } from '../../lib/action.js';
import type { NodeRedApi, RedNode } from '../../lib/red.js';

/** sellerchat-account: one marketplace account; owns the client, its limiter and every watch. */
export default function register(RED: NodeRedApi): void {
  function SellerChatAccountNode(this: RedNode, config: AccountConfig): void {
    RED.nodes.createNode(this, config);
    const node = this as AccountNode;
    node.sellerchat = new AccountRuntime(config, node.credentials);
    node.on('close', (_removed, done) => {
      node.sellerchat.close().then(done, done);
    });
  }
  RED.nodes.registerType('sellerchat-account', SellerChatAccountNode, { credentials: ACCOUNT_CREDENTIALS });

  // The edit dialogs read what each marketplace supports from here, so they show only that.
  RED.httpAdmin?.get(
    '/sellerchat/capabilities',
    RED.auth.needsPermission('sellerchat-account.read'),
    (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(CAPABILITIES));
    },
  );
}
