/**
 * The example payloads of shared/seeds/storeden-messages.txt (Storeden Messages API page),
 * copied verbatim minus the `...` elisions, so tests can hold the sandbox's answers to the
 * same keys and types without reaching outside the package.
 */
export const CHAT_LIST_EXAMPLE = [
  {
    name: 'Test User',
    with_id: 48617,
    last_message_at: '2015-09-29T16:30:05+0200',
    last_message_content: 'ciao',
  },
  {
    name: 'James Bond',
    with_id: 49077,
    last_message_at: '2018-10-11T10:26:18+0200',
    last_message_content: '👍',
  },
];

export const CHAT_EXAMPLE = {
  messages: [
    {
      from_id: 132,
      from_myself: true,
      message: 'Lorem Ipsum 4',
      send_date: '2018-10-11T10:26:18+0200',
      message_id: '5bbf092a16f46a0119e55a80',
      read_by: { myself_id: '2018-10-26T23:11:44+0200', with_id: '' },
    },
    {
      from_id: 132,
      from_myself: false,
      message: 'test message',
      send_date: '2014-09-01T17:47:34+0200',
      message_id: '5404951616f46afe57e9e938',
      read_by: { myself_id: '2014-09-01T18:18:06+0200', with_id: '2014-09-01T18:13:44+0200' },
    },
  ],
  next_page: 'https://connect.storeden.com/v1.1/messages/chat.json?with_id=49077&page=2',
};

export const SEND_EXAMPLE = { message_id: '5bf1b94116f46a731b7b23c6' };

/** The shape of a JSON value: keys with the type of each value, recursively; arrays by their first item. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return [value.length > 0 ? shapeOf(value[0]) : 'empty'];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, shapeOf(item)]),
    );
  }
  return value === null ? 'null' : typeof value;
}
