import type { MarketplaceClient } from '../../marketplaces/client.js';
import type { ChatEvent } from '../../model/events.js';
import type { WatcherOptions } from '../options.js';
import { poll } from '../poll.js';
import type { PushRequest, PushResponse, PushResult } from '../push-common.js';
import type { WatcherState } from '../state.js';

/**
 * A host as the contract asks: poll, hand the events on, then save the state as JSON text. Every
 * poll starts from the saved text, as after a restart: nothing survives in memory.
 */
export class TestHost {
  saved: string | undefined;
  readonly delivered: ChatEvent[] = [];

  constructor(
    private readonly client: MarketplaceClient,
    private readonly options: WatcherOptions = {},
  ) {}

  /** One thing at a time, as a Node-RED config node or a serialised n8n workflow runs them. */
  #queue: Promise<unknown> = Promise.resolve();

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** `crash`: the events are handed on, then the host dies before saving. */
  poll(crash = false): Promise<ChatEvent[]> {
    return this.#serial(async () => {
      const state = this.saved === undefined ? undefined : JSON.parse(this.saved);
      const result = await poll(this.client, state, this.options);
      this.delivered.push(...result.events);
      if (!crash) this.saved = JSON.stringify(result.state);
      return result.events;
    });
  }

  /** A push through one of the handlers, sharing this host's state and its queue. */
  push(
    handle: (state: WatcherState | undefined, request: PushRequest) => Promise<PushResult>,
    request: PushRequest,
  ): Promise<PushResponse> {
    return this.#serial(async () => {
      const state = this.saved === undefined ? undefined : (JSON.parse(this.saved) as WatcherState);
      const result = await handle(state, request);
      this.delivered.push(...result.events);
      if (result.state !== undefined) this.saved = JSON.stringify(result.state);
      return result.response;
    });
  }

  /** Message ids delivered, in order, repeats included. */
  messages(): string[] {
    return this.delivered.flatMap((e) => (e.type === 'message.received' ? [e.message.id] : []));
  }

  chats(): string[] {
    return this.delivered.flatMap((e) => (e.type === 'chat.created' ? [e.chat.id] : []));
  }
}

export const HISTORY_PATHS = {
  metro: '/openapi/v1/chats/*/messages',
  yandex: '/v2/businesses/*/chats/history',
  ozon: '/v3/chat/history',
  storeden: '/messages/chat.json',
} as const;

export const LIST_PATHS = {
  metro: '/openapi/v1/chats',
  yandex: '/v2/businesses/*/chats',
  ozon: '/v3/chat/list',
  storeden: '/messages/chat_list.json',
} as const;
