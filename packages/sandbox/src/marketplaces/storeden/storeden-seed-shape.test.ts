import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedenGet, storedenSend } from '../../../test/helpers/storeden-http.js';
import { launchSandbox, type RunningSandbox } from '../../server/launch-sandbox.js';
import { createStoredenModule } from './index.js';
import { CHAT_EXAMPLE, CHAT_LIST_EXAMPLE, SEND_EXAMPLE, shapeOf } from './testing/seed-examples.js';

const STOREDEN_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$/;

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await launchSandbox({ modules: [createStoredenModule], chats: 3 });
});
afterAll(() => sandbox.close());

describe('Storeden answers have the keys and types of the docs examples', () => {
  it('chat_list.json', async () => {
    const reply = await storedenGet(sandbox.url, '/messages/chat_list.json');
    const list = reply.json as typeof CHAT_LIST_EXAMPLE;
    expect(list).toHaveLength(3);
    for (const entry of list) {
      expect(shapeOf(entry)).toEqual(shapeOf(CHAT_LIST_EXAMPLE[0]));
      expect(entry.last_message_at).toMatch(STOREDEN_DATE);
    }
  });

  it('chat.json (a page with next_page) and the POST answer', async () => {
    const withId = sandbox.control.threads('storeden')[0]?.chatId ?? '';
    for (let index = 0; index < 35; index += 1) {
      sandbox.control.buyerWrite('storeden', { chatId: withId, text: `question ${index}` });
    }
    const sent = await storedenSend(sandbox.url, withId, 'Ciao!');
    expect(shapeOf(sent.json)).toEqual(shapeOf(SEND_EXAMPLE));
    expect((sent.json as typeof SEND_EXAMPLE).message_id).toMatch(/^[0-9a-f]{24}$/);

    const page = (await storedenGet(sandbox.url, `/messages/chat.json?with_id=${withId}`))
      .json as typeof CHAT_EXAMPLE;
    expect(shapeOf(page)).toEqual(shapeOf(CHAT_EXAMPLE));
    const seller = page.messages.find((message) => message.from_myself);
    const buyer = page.messages.find((message) => !message.from_myself);
    expect(shapeOf(seller)).toEqual(shapeOf(CHAT_EXAMPLE.messages[0]));
    expect(shapeOf(buyer)).toEqual(shapeOf(CHAT_EXAMPLE.messages[1]));
    for (const message of page.messages) {
      expect(message.send_date).toMatch(STOREDEN_DATE);
      expect(message.message_id).toMatch(/^[0-9a-f]{24}$/);
      for (const read of [message.read_by.myself_id, message.read_by.with_id]) {
        expect(read === '' || STOREDEN_DATE.test(read)).toBe(true);
      }
    }
  });
});
