// The sandbox of all four marketplaces with seeded chats, and the seller credentials that work on it.
import { startSandbox } from '../../packages/sandbox/dist/index.js';

export const MARKETPLACES = ['metro', 'yandex', 'ozon', 'storeden'];

/** Starts the sandbox on `port`; a busy port falls back to a free one rather than failing the demo. */
export async function startDemoSandbox(port, log) {
  try {
    return await startSandbox({ port, seed: 1, chats: 6 });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    log(`port ${port} is busy; the sandbox takes a free one`);
    return startSandbox({ port: 0, seed: 1, chats: 6 });
  }
}

/** The sandbox's working credentials for `marketplace`, in the sellerchat-account's field names. */
export function accountCredentials(sandbox, marketplace) {
  const all = sandbox.control.credentials(marketplace);
  switch (marketplace) {
    case 'metro':
      return { metroClientKey: all.seller.clientKey, metroClientSecret: all.seller.clientSecret };
    case 'yandex':
      return { yandexBusinessId: all.default.businessId, yandexApiKey: all.default.apiKey };
    case 'ozon':
      return { ozonClientId: all.default.clientId, ozonApiKey: all.default.apiKey };
    case 'storeden':
      return { storedenKey: all.readWrite.key, storedenExchange: all.readWrite.exchange };
    default:
      throw new Error(`unknown marketplace ${marketplace}`);
  }
}

/** A chat the seller may answer in: open, and on Ozon not an FBO chat (the seller cannot write there). */
export function writableChat(sandbox, marketplace) {
  const open = sandbox.control.threads(marketplace).filter((t) => !/closed|archived/i.test(t.status));
  const pick = marketplace === 'ozon' ? (open.find((t) => t.context?.scheme !== 'FBO') ?? open[0]) : open[0];
  if (!pick) throw new Error(`the sandbox has no open ${marketplace} chat`);
  return pick.chatId;
}
