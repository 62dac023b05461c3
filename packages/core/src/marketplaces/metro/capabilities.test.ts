import { describe, expect, it } from 'vitest';
import { isSupported } from '../../validation/validate.js';
import { METRO_MAX_FILE_BYTES, METRO_MIME_TYPES, metroCapabilities } from './capabilities.js';

describe('metroCapabilities', () => {
  it('states Metro\u2019s documented attachment limits', () => {
    expect(METRO_MAX_FILE_BYTES).toBe(10_240 * 1024);
    expect(metroCapabilities.attachments).toEqual({
      maxCount: 10,
      maxSize: 10_485_760,
      mimeTypes: METRO_MIME_TYPES,
    });
    expect(METRO_MIME_TYPES).toHaveLength(8);
    expect(METRO_MIME_TYPES.every((t) => t === t.toLowerCase())).toBe(true);
  });

  it('says what Metro can and cannot do, as the client behaves', () => {
    expect(metroCapabilities).toMatchObject({
      marketplace: 'metro',
      sendFile: 'upload-then-attach',
      attachmentsWithText: true,
      markRead: 'implicit-on-read',
      startChat: 'order',
      listUnseen: true,
      push: false,
      incrementalHistory: false,
      chatKinds: ['order'],
      paging: { chatsDefault: 20, messagesMax: null },
    });
    for (const op of ['getChat', 'getMessage', 'sendFile', 'markRead', 'startChat', 'listUnseen'] as const) {
      expect(isSupported(metroCapabilities, op)).toBe(true);
    }
    expect(metroCapabilities.notes.some((n) => /marks them as seen/.test(n))).toBe(true);
  });
});
