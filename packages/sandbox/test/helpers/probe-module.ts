import type { MarketplaceModule, PushNotification, SandboxContext, ThreadMessage } from '../../src/types.js';

/**
 * A small marketplace module for framework tests: it answers with what the framework handed
 * it, throws on /boom, stores attachments through ctx.storeFile and pushes through ctx.push.
 * It claims the id `ozon` so the framework's Ozon error table applies to it.
 */
export function createProbeModule(ctx: SandboxContext): MarketplaceModule {
  let messages: Array<ThreadMessage & { chatId: string }> = [];
  let pushExpect: PushNotification['expect'] = 'ozon-event';
  const seedChats = (count: number): void => {
    messages = [];
    for (let index = 0; index < count; index += 1) {
      messages.push({
        chatId: `chat-${index + 1}`,
        id: `m${Math.floor(ctx.random() * 1e9)}`,
        from: 'buyer',
        text: `hello ${index + 1}`,
        at: new Date(ctx.now()).toISOString(),
        attachments: [],
      });
    }
  };
  return {
    id: 'ozon',
    handle(req) {
      if (req.path === '/boom') throw new Error('probe exploded');
      if (req.path === '/send') {
        const text = req.rawBody.toString('utf8');
        messages.push({
          chatId: 'chat-1',
          id: `s${messages.length}`,
          from: 'seller',
          text,
          at: '',
          attachments: [],
        });
        return { status: 200, body: { result: 'success' } };
      }
      return {
        status: 200,
        body: {
          method: req.method,
          path: req.path,
          rawPathAndQuery: req.rawPathAndQuery,
          fullUrl: req.fullUrl,
          query: Object.fromEntries(req.query),
          headers: req.headers,
          bodyLength: req.rawBody.length,
        },
      };
    },
    seed: seedChats,
    reset() {
      messages = [];
      pushExpect = 'ozon-event';
    },
    credentials: () => ({ default: { clientId: '1', apiKey: 'probe' } }),
    configure(settings) {
      for (const [key, value] of Object.entries(settings)) {
        if (key !== 'pushExpect') throw new Error(`probe has no setting "${key}"`);
        pushExpect = value as PushNotification['expect'];
      }
    },
    settings: () => ({ pushExpect }),
    buyerWrite(chatId, text, attachment) {
      const stored = attachment ? ctx.storeFile(attachment) : undefined;
      const id = `b${messages.length}`;
      messages.push({
        chatId,
        id,
        from: 'buyer',
        text,
        at: new Date(ctx.now()).toISOString(),
        attachments:
          stored && attachment
            ? [
                {
                  name: attachment.name,
                  mimeType: attachment.mimeType,
                  size: attachment.data.length,
                  url: stored.url,
                },
              ]
            : [],
      });
      ctx.push({
        body: { message_type: 'TYPE_NEW_MESSAGE', chat_id: chatId, text },
        expect: pushExpect,
        timeoutMs: 500,
      });
      return id;
    },
    buyerOpenChat({ text }) {
      const chatId = `chat-${messages.length + 100}`;
      messages.push({ chatId, id: 'open', from: 'buyer', text, at: '', attachments: [] });
      return { chatId, messageId: 'open' };
    },
    closeChat() {},
    listThreads: () =>
      [...new Set(messages.map((message) => message.chatId))].map((chatId) => ({
        chatId,
        title: chatId,
        status: 'open',
      })),
    thread(chatId) {
      const found = messages.filter((message) => message.chatId === chatId);
      return found.length > 0 ? found : undefined;
    },
    sellerMessages: () => messages.filter((message) => message.from === 'seller'),
    pingPush() {
      ctx.push({
        body: { message_type: 'TYPE_PING', time: new Date(ctx.now()).toISOString() },
        expect: 'ozon-ping',
        timeoutMs: 500,
      });
    },
  };
}
