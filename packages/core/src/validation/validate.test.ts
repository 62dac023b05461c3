import { describe, expect, it } from 'vitest';
import { NotSupportedError, type SellerChatError, ValidationError } from '../errors/errors.js';
import type { Capabilities } from '../model/capabilities.js';
import { assertSupported, formatBytes, isSupported, validateAttachments, validateText } from './validate.js';

// Hand-made descriptors: the real ones belong to the marketplace clients.
const base: Omit<Capabilities, 'marketplace' | 'displayName'> = {
  listChats: true,
  getChat: true,
  listMessages: true,
  incrementalHistory: true,
  sendText: true,
  getMessage: false,
  sendFile: 'multipart',
  attachmentsWithText: false,
  markRead: 'none',
  startChat: 'order',
  listUnseen: false,
  push: true,
  text: { minLength: 1, maxLength: 4096 },
  attachments: { maxCount: 1, maxSize: 5 * 1024 * 1024, mimeTypes: null },
  paging: { chatsMax: 20, chatsDefault: 10, messagesMax: 100, messagesDefault: 50 },
  sendWindows: null,
  chatKinds: ['order'],
  chatFilters: [],
  notes: [],
};
const yandex: Capabilities = { ...base, marketplace: 'yandex', displayName: 'Yandex Market' };
const metro: Capabilities = {
  ...base,
  marketplace: 'metro',
  displayName: 'Metro Markets',
  sendFile: 'upload-then-attach',
  attachmentsWithText: true,
  markRead: 'implicit-on-read',
  text: { minLength: 1, maxLength: null },
  attachments: {
    maxCount: 10,
    maxSize: 10 * 1024 * 1024,
    mimeTypes: ['image/png', 'image/jpeg', 'application/pdf'],
  },
};
const storeden: Capabilities = {
  ...base,
  marketplace: 'storeden',
  displayName: 'Storeden',
  sendFile: 'none',
  attachments: null,
  startChat: 'none',
  getChat: false,
  push: false,
};

function thrown(fn: () => unknown): SellerChatError {
  try {
    fn();
  } catch (error) {
    return error as SellerChatError;
  }
  throw new Error('expected a throw');
}

const file = (name: string, size: number, mimeType?: string) => ({
  name,
  data: new Uint8Array(size),
  mimeType,
});

describe('validateText', () => {
  it('passes text within the limits and returns it', () => {
    expect(validateText(yandex, 'x'.repeat(4096))).toHaveLength(4096);
    expect(validateText(metro, 'y'.repeat(100_000))).toHaveLength(100_000);
  });

  it('names marketplace, field and limit when the text is too long', () => {
    const error = thrown(() => validateText(yandex, 'x'.repeat(5000))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Yandex Market: text is 5000 characters; the limit is 4096 characters');
    expect(error.field).toBe('text');
    expect(error.limit).toBe('4096 characters');
    expect(error.marketplace).toBe('yandex');
  });

  it('counts an emoji as two, so the marketplace never sees more than the limit', () => {
    expect(() => validateText(yandex, '😀'.repeat(2049))).toThrow('is 4098 characters');
  });

  it('refuses empty, blank and non-string text, naming the given field', () => {
    expect(thrown(() => validateText(yandex, '')).message).toBe(
      'Yandex Market: text is empty; at least 1 character is required',
    );
    expect(thrown(() => validateText(yandex, ' \n\t', 'message')).message).toBe(
      'Yandex Market: message is empty; at least 1 character is required',
    );
    expect((thrown(() => validateText(yandex, ' ', 'message')) as ValidationError).field).toBe('message');
    expect(thrown(() => validateText(yandex, 42)).message).toBe(
      'Yandex Market: text must be a string (got number)',
    );
  });
});

describe('validateAttachments', () => {
  it('passes good files and fills in the MIME type from the name', () => {
    const files = validateAttachments(metro, [file('a.PNG', 10), file('b.pdf', 10, 'Application/PDF; x=y')]);
    expect(files.map((f) => f.mimeType)).toEqual(['image/png', 'application/pdf']);
    expect(validateAttachments(yandex, [file('data.bin', 3)])[0]?.mimeType).toBe('application/octet-stream');
  });

  it('refuses too many files', () => {
    const error = thrown(() =>
      validateAttachments(yandex, [file('a.png', 1), file('b.png', 1)]),
    ) as ValidationError;
    expect(error.message).toBe('Yandex Market: attachments has 2 files; the limit is 1 file');
    expect(error.field).toBe('attachments');
    expect(error.limit).toBe('1 file');
  });

  it('refuses a file over the size limit, naming which one', () => {
    const big = Math.round(12.5 * 1024 * 1024);
    const error = thrown(() =>
      validateAttachments(metro, [file('a.png', 5), file('big.pdf', big)]),
    ) as ValidationError;
    expect(error.message).toBe('Metro Markets: attachments[1] (big.pdf) is 12.5 MB; the limit is 10 MB');
    expect(error.field).toBe('attachments[1]');
    expect(error.limit).toBe('10 MB');
  });

  it('shows exact bytes when the rounded sizes would look equal', () => {
    expect(() => validateAttachments(yandex, [file('a.png', 5 * 1024 * 1024 + 1)])).toThrow(
      'Yandex Market: attachments[0] (a.png) is 5242881 bytes; the limit is 5 MB (5242880 bytes)',
    );
  });

  it('refuses a type outside the allowed list, and an unknown one', () => {
    expect(() => validateAttachments(metro, [file('x.exe', 5, 'application/x-msdownload')])).toThrow(
      'Metro Markets: attachments[0] (x.exe) has type application/x-msdownload; allowed types are image/png, image/jpeg, application/pdf',
    );
    expect(() => validateAttachments(metro, [file('noext', 5)])).toThrow('(noext) has an unknown type');
  });

  it('refuses empty files, nameless files and things that are not files', () => {
    expect(() => validateAttachments(yandex, [file('a.png', 0)])).toThrow(
      'Yandex Market: attachments[0] (a.png) is empty',
    );
    expect((thrown(() => validateAttachments(yandex, [file(' ', 1)])) as ValidationError).field).toBe(
      'attachments[0].name',
    );
    expect(() => validateAttachments(yandex, [{ name: 'a', data: 'text' }])).toThrow(
      'must be a file with its bytes',
    );
    expect(() => validateAttachments(yandex, 'a.png', 'files')).toThrow(
      'Yandex Market: files must be a list of files',
    );
  });

  it('throws NotSupportedError where the marketplace takes no files', () => {
    const error = thrown(() => validateAttachments(storeden, [file('a.png', 1)]));
    expect(error).toBeInstanceOf(NotSupportedError);
    expect(error.message).toBe('Storeden does not accept files in chats');
    expect(error.marketplace).toBe('storeden');
    expect(() => validateAttachments({ ...yandex, sendFile: 'none' }, [])).toThrow(NotSupportedError);
  });
});

describe('assertSupported', () => {
  it('passes what the descriptor allows', () => {
    expect(() => assertSupported(yandex, 'startChat')).not.toThrow();
    expect(() => assertSupported(metro, 'markRead')).not.toThrow();
    expect(isSupported(metro, 'attachmentsWithText')).toBe(true);
  });

  it.each([
    [storeden, 'startChat', 'Storeden cannot start a chat (startChat is not supported)'],
    [storeden, 'sendFile', 'Storeden cannot send files (sendFile is not supported)'],
    [storeden, 'getChat', 'Storeden cannot fetch a single chat (getChat is not supported)'],
    [storeden, 'push', 'Storeden does not offer push notifications (push is not supported)'],
    [yandex, 'markRead', 'Yandex Market cannot mark messages as read (markRead is not supported)'],
    [yandex, 'getMessage', 'Yandex Market cannot fetch a single message (getMessage is not supported)'],
  ] as const)('%#: refuses with NotSupportedError', (caps, operation, message) => {
    const error = thrown(() => assertSupported(caps, operation));
    expect(error).toBeInstanceOf(NotSupportedError);
    expect(error.message).toBe(message);
    expect(error.operation).toBe(operation);
    expect(error.marketplace).toBe(caps.marketplace);
  });
});

describe('formatBytes', () => {
  it('uses binary units as marketplaces do', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});
