import type { ChatEvent } from '@sellerchat/core';
import { accountOf } from '../../lib/action.js';
import { eventMessage } from '../../lib/event-message.js';
import { mountPushRoute, pushRoutes } from '../../lib/push-route.js';
import type { NodeRedApi, RedNode } from '../../lib/red.js';
import { chooseStore, contextStateStore } from '../../lib/state-store.js';
import { errorDetails, errorLabel, STATUS } from '../../lib/status.js';
import { type TriggerConfig, triggerOptions } from '../../lib/trigger-options.js';
import { Watch, type WatchReporter } from '../../lib/watch.js';

/** sellerchat-in: one msg per new message or new chat, from polls and (Yandex, Ozon) push. */
export default function register(RED: NodeRedApi): void {
  function SellerChatInNode(this: RedNode, config: TriggerConfig): void {
    RED.nodes.createNode(this, config);
    let watch: Watch | undefined;
    let unmount: (() => void) | undefined;
    let lastReported: string | undefined;

    try {
      const account = accountOf(RED, config.account);
      const options = triggerOptions(config, account.capabilities());
      const idle = options.pushPath ? () => STATUS.listening(options.pushPath!) : STATUS.idle;
      const reporter: WatchReporter = {
        polling: () => this.status(STATUS.polling()),
        idle: () => {
          lastReported = undefined;
          this.status(idle());
        },
        rateLimited: (waitMs) => this.status(STATUS.rateLimited(waitMs)),
        failed: (error) => {
          this.status(STATUS.error(error));
          // A failing poll fails again every interval: Catch nodes hear of it once, until it recovers.
          const label = errorLabel(error);
          if (label === lastReported) return;
          lastReported = label;
          this.error(error instanceof Error ? error : new Error(label), {
            payload: label,
            sellerchat: { error: errorDetails(error) },
          });
        },
        emit: (events: ChatEvent[]) => {
          for (const event of events) this.send(eventMessage(event));
        },
      };
      const storeName = chooseStore(config.store, RED.settings.contextStorage);
      watch = new Watch(account, {
        intervalMs: options.intervalMs,
        watcher: options.watcher,
        store: contextStateStore(this.context(), storeName),
        reporter,
        identity: { name: 'SellerChat for Node-RED', version: '1' },
      });
      if (options.pushPath) {
        if (!RED.httpNode)
          throw new Error('Push needs Node-RED HTTP nodes: httpNodeRoot is disabled in settings.js');
        const pushWatch = watch;
        unmount = mountPushRoute(
          RED.httpNode,
          pushRoutes(options.pushPath, account.marketplace!),
          (request) => pushWatch.push(request),
        );
      }
      watch.start();
      this.status(idle());
    } catch (error) {
      this.status(STATUS.error(error));
      this.error(error instanceof Error ? error : new Error(String(error)));
    }

    this.on('close', (_removed, done) => {
      unmount?.();
      unmount = undefined;
      (watch?.close() ?? Promise.resolve()).then(done, done);
    });
  }
  RED.nodes.registerType('sellerchat-in', SellerChatInNode);
}
