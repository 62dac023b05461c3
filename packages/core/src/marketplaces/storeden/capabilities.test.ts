import { describe, expect, it } from 'vitest';
import { isSupported } from '../../validation/validate.js';
import { storedenCapabilities } from './capabilities.js';

describe('storedenCapabilities', () => {
  it('says Storeden chats are text-only, buyer-started and polled', () => {
    for (const op of ['sendFile', 'markRead', 'startChat', 'listUnseen', 'push', 'getMessage'] as const) {
      expect(isSupported(storedenCapabilities, op)).toBe(false);
    }
    expect(isSupported(storedenCapabilities, 'getChat')).toBe(true);
    expect(isSupported(storedenCapabilities, 'incrementalHistory')).toBe(true);
    expect(storedenCapabilities).toMatchObject({
      attachments: null,
      chatKinds: ['direct'],
      // The chat list has no paging: null, never a limit of 0 a caller could pass on.
      paging: { chatsMax: null, chatsDefault: null, messagesMax: 30, messagesDefault: 30 },
    });
    expect(storedenCapabilities.notes.some((n) => /509/.test(n))).toBe(true);
  });
});
