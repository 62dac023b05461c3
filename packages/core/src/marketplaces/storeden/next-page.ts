import { MarketplaceError, ValidationError } from '../../errors/errors.js';

export const CHAT_PATH = '/messages/chat.json';

function trimSlash(text: string): string {
  return text.endsWith('/') ? text.slice(0, -1) : text;
}

/**
 * Why `url` must not be followed, or undefined when it is the same conversation's chat.json on
 * the configured base (scheme, host, port and base path): Storeden sends `next_page` as an
 * absolute URL, and following one elsewhere would hand our `key` and `exchange` to that host.
 */
export function nextPageProblem(url: string, baseUrl: string, chatId: string): string | undefined {
  let next: URL;
  let base: URL;
  try {
    next = new URL(url);
    base = new URL(baseUrl);
  } catch {
    return 'is not an absolute URL';
  }
  if (next.protocol !== base.protocol || next.host !== base.host) {
    return `points at ${next.protocol}//${next.host}, not the configured ${base.protocol}//${base.host}`;
  }
  if (next.username !== '' || next.password !== '') return 'carries user info';
  if (next.pathname !== `${trimSlash(base.pathname)}${CHAT_PATH}`) {
    return `points at ${next.pathname}, not ${trimSlash(base.pathname)}${CHAT_PATH}`;
  }
  if (next.searchParams.get('with_id') !== chatId) return 'is for another conversation';
  if (!/^\d{1,9}$/.test(next.searchParams.get('page') ?? '')) return 'has no page number';
  return undefined;
}

/** A `next_page` from a response: a bad one is the marketplace's fault, and nothing is sent to it. */
export function checkNextPage(url: string, baseUrl: string, chatId: string): string {
  const problem = nextPageProblem(url, baseUrl, chatId);
  if (problem) {
    throw new MarketplaceError(`Storeden: listMessages: next_page ${problem}; it was not followed`, {
      marketplace: 'storeden',
      operation: 'listMessages',
    });
  }
  return url;
}

/** A cursor handed back by the caller: it must be a next_page this client would follow. */
export function checkCursor(cursor: string, baseUrl: string, chatId: string): string {
  const problem = nextPageProblem(cursor, baseUrl, chatId);
  if (problem) {
    throw new ValidationError(
      `Storeden: cursor ${problem}; pass back the cursor of a previous page unchanged`,
      {
        marketplace: 'storeden',
        field: 'cursor',
        limit: `a next page of ${trimSlash(baseUrl)}${CHAT_PATH} for this chat`,
      },
    );
  }
  return cursor;
}
