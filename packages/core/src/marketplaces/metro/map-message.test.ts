import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../json/lossless.js';
import { mapMetroMessage } from './map-message.js';
import type { MetroEnvelope, MetroMessage } from './wire.js';

function fixture<T>(name: string): T {
  return parseJson(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as T;
}

const FILE_ID =
  'files/229dc41e-d3d5-4243-8789-53898cc69022/e13514f4-18fa-479e-88d7-e79eb3e02ef2/9aaba500-54dd-4ef5-b14d-f3190d157ee2';
const SEED_ATTACHMENT = {
  name: 'Test Document',
  mimeType: 'application/pdf',
  url: 'https://storage.googleapis.com/service-message-center-bucket-pp-de/files/229dc41e-d3d5-4243-8789-53898cc69022/...',
  ref: FILE_ID,
};

describe('mapMetroMessage on the seed payloads', () => {
  it('maps the list-messages example (buyer message, seen) with nothing lost', () => {
    const body = fixture<MetroEnvelope<MetroMessage[]>>('list-messages.json');
    const [message] = body.data!.map((m) => mapMetroMessage(m, '9e3e66e9-4025-4306-9278-c71ccee64fe5'));
    expect(message).toEqual({
      marketplace: 'metro',
      id: '9fc8202f-b40d-46cb-bd5c-dcb341ac3551',
      // The endpoint's chat wins: the seed's own chatId differs from the URL it was read from.
      chatId: '9e3e66e9-4025-4306-9278-c71ccee64fe5',
      sender: 'buyer',
      senderId: '78dc45b5-d0ae-4155-b26a-2a238bfc2a35',
      text: 'Test message from buyer',
      createdAt: '2025-09-02T13:13:42.000Z',
      readAt: '2025-09-09T14:52:00.000Z',
      isRead: true,
      attachments: [SEED_ATTACHMENT],
      raw: body.data![0],
    });
  });

  it('maps the send-message example (seller message, unseen) and uses its chatId when none is given', () => {
    const body = fixture<MetroEnvelope<MetroMessage>>('send-message.json');
    const message = mapMetroMessage(body.data!);
    expect(message.id).toBe('9fd66bbe-cc4f-489e-810f-c136e3592326');
    expect(message.chatId).toBe('9eea824c-b69c-42c2-a9df-2cd545d57b50');
    expect(message.sender).toBe('seller');
    expect(message.text).toBe('Test OpenAPI 123');
    expect(message.createdAt).toBe('2025-09-09T15:46:34.000Z');
    expect(message.readAt).toBeUndefined();
    expect(message.isRead).toBe(false);
    expect(message.attachments).toEqual([SEED_ATTACHMENT]);
  });
});

describe('mapMetroMessage edge cases', () => {
  it('maps unknown sender types to the marketplace and converts offsets to UTC', () => {
    const message = mapMetroMessage(
      { id: 'm1', senderUserType: 'SYSTEM', content: 'SLA reminder', createdAt: '2025-09-02T15:13:42+02:00' },
      'c1',
    );
    expect(message.sender).toBe('marketplace');
    expect(message.createdAt).toBe('2025-09-02T13:13:42.000Z');
    expect(message.isRead).toBeUndefined();
    expect(message.attachments).toEqual([]);
  });

  it('refuses messages without an id or a readable time', () => {
    expect(() => mapMetroMessage({ content: 'x' } as MetroMessage, 'c1')).toThrow(/no id/);
    expect(() => mapMetroMessage({ id: 'm1', createdAt: 'yesterday' }, 'c1')).toThrow(
      /Metro Markets: message createdAt/,
    );
  });
});
