// The bad-input catalog through the SellerChat node in n8n's real engine. Each case runs twice:
// once failing the node (NodeOperationError with the marketplace's message), once with continue
// on fail (the typed fields in the output item). The credentials point at a recording server,
// so "no request was sent" is counted on the wire.
import { MARKETPLACE_NAMES, type MarketplaceId } from '@sellerchat/core';
import type { INodeExecutionData } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { bytes, itemWithFiles } from './support/binary.js';
import { startRecordingServer } from './support/recording-server.js';
import { type Sandbox, SECRET_FIELD, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
let recorder: Awaited<ReturnType<typeof startRecordingServer>>;

beforeAll(async () => {
  sandbox = await startTestSandbox(4);
  recorder = await startRecordingServer();
});
afterAll(async () => {
  await recorder.close();
  await sandbox.close();
});

const MIB = 1024 * 1024;

interface Case {
  name: string;
  marketplace: MarketplaceId;
  parameters: Record<string, unknown>;
  input?: INodeExecutionData[];
  /** Credential fields replaced (a blank secret...). */
  override?: Record<string, string>;
  /** The core error's kind; undefined for the node's own refusals (unknown operation...). */
  kind?: string;
  field?: string;
  limit?: string;
  /** Text the message must hold besides the marketplace's name. */
  says: string[];
  /** n8n's own refusal (a missing input binary): it knows of no marketplace. */
  byN8n?: true;
}

const file = (name: string, mimeType: string, size = 16) => ({ name, mimeType, data: bytes(size) });

const CASES: Case[] = [
  {
    name: 'metro: a blank text',
    marketplace: 'metro',
    parameters: { resource: 'message', operation: 'send', chatId: 'c1', text: '   ' },
    kind: 'validation',
    field: 'text',
    limit: 'at least 1 character',
    says: ['text', 'empty'],
  },
  {
    name: 'yandex: a text of 4097 characters',
    marketplace: 'yandex',
    parameters: { resource: 'message', operation: 'send', chatId: '1', text: 'x'.repeat(4097) },
    kind: 'validation',
    field: 'text',
    limit: '4096 characters',
    says: ['text', 'the limit is 4096 characters'],
  },
  {
    name: 'ozon: a text of 1001 characters',
    marketplace: 'ozon',
    parameters: { resource: 'message', operation: 'send', chatId: 'c1', text: 'y'.repeat(1001) },
    kind: 'validation',
    field: 'text',
    limit: '1000 characters',
    says: ['text', 'the limit is 1000 characters'],
  },
  {
    name: 'storeden: an empty text',
    marketplace: 'storeden',
    parameters: { resource: 'message', operation: 'send', chatId: '1', text: ' \n ' },
    kind: 'validation',
    field: 'text',
    limit: 'at least 1 character',
    says: ['text', 'empty'],
  },
  {
    name: 'yandex: a chat id with path characters',
    marketplace: 'yandex',
    parameters: { resource: 'message', operation: 'getAll', chatId: '1/../../admin', returnAll: true },
    kind: 'validation',
    field: 'chatId',
    limit: 'digits, 1 to 2^63-1',
    says: ['chatId'],
  },
  {
    name: 'ozon: a chat id with a line break',
    marketplace: 'ozon',
    parameters: { resource: 'chat', operation: 'get', chatId: 'abc\nX-Injected: 1' },
    kind: 'validation',
    field: 'chatId',
    limit: 'no control characters',
    says: ['chatId', 'control character'],
  },
  {
    name: 'storeden: a chat id that is not a user id',
    marketplace: 'storeden',
    parameters: { resource: 'message', operation: 'send', chatId: '7/../orders', text: 'hi' },
    kind: 'validation',
    field: 'chatId',
    limit: 'digits (a with_id)',
    says: ['chatId'],
  },
  {
    name: 'yandex: a file over 5 MB',
    marketplace: 'yandex',
    parameters: { resource: 'file', operation: 'send', chatId: '1', binaryPropertyName: 'data' },
    input: [itemWithFiles({ data: file('scan.png', 'image/png', 5 * MIB + 1) })],
    kind: 'validation',
    says: ['scan.png', 'the limit is 5 MB'],
  },
  {
    name: 'metro: a zip archive',
    marketplace: 'metro',
    parameters: { resource: 'file', operation: 'send', chatId: 'c1', binaryPropertyName: 'data' },
    input: [itemWithFiles({ data: file('logs.zip', 'application/zip') })],
    kind: 'validation',
    says: ['logs.zip', 'application/zip', 'allowed types are'],
  },
  {
    name: 'metro: 11 attachments, over 10',
    marketplace: 'metro',
    parameters: {
      resource: 'message',
      operation: 'send',
      chatId: 'c1',
      text: 'files',
      attachmentProperties: Array.from({ length: 11 }, (_, i) => `f${i}`).join(', '),
    },
    input: [
      itemWithFiles(
        Object.fromEntries(
          Array.from({ length: 11 }, (_, i) => [`f${i}`, file(`f${i}.pdf`, 'application/pdf')]),
        ),
      ),
    ],
    kind: 'validation',
    limit: '10 files',
    says: ['11 files', 'the limit is 10 files'],
  },
  {
    name: 'yandex: a binary property the item does not have',
    marketplace: 'yandex',
    parameters: { resource: 'file', operation: 'send', chatId: '1', binaryPropertyName: 'nothing' },
    says: ['nothing', 'binary file'],
    byN8n: true,
  },
  {
    name: 'storeden: send a file (unsupported operation)',
    marketplace: 'storeden',
    parameters: { resource: 'file', operation: 'send', chatId: '1', binaryPropertyName: 'data' },
    input: [itemWithFiles({ data: file('a.png', 'image/png') })],
    says: ['does not support'],
  },
  {
    name: 'yandex: mark as read (unsupported operation)',
    marketplace: 'yandex',
    parameters: { resource: 'chat', operation: 'markRead', chatId: '1' },
    says: ['does not support'],
  },
  {
    name: 'ozon: an operation that does not exist',
    marketplace: 'ozon',
    parameters: { resource: 'chat', operation: 'delete', chatId: 'c1' },
    says: ['unknown operation "delete"'],
  },
  {
    name: 'ozon: a blank Api-Key',
    marketplace: 'ozon',
    parameters: { resource: 'chat', operation: 'getAll', returnAll: true },
    override: { apiKey: '' },
    kind: 'validation',
    field: 'credentials.apiKey',
    says: ['apiKey'],
  },
  {
    name: 'storeden: a blank exchange',
    marketplace: 'storeden',
    parameters: { resource: 'chat', operation: 'getAll', returnAll: true },
    override: { exchange: '  ' },
    kind: 'validation',
    field: 'credentials.exchange',
    says: ['exchange'],
  },
];

function run(c: Case, continueOnFail: boolean) {
  return runNode(
    {
      parameters: { marketplace: c.marketplace, ...c.parameters },
      credentials: sandboxCredentials(sandbox, c.marketplace, { baseUrl: recorder.url, ...c.override }),
      continueOnFail,
    },
    c.input,
  );
}

describe('bad input through the SellerChat node', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = recorder.hits.length;
    const failed = await run(c, false);
    expect(failed.items).toBeUndefined();
    expect(failed.error?.name).toBe('NodeOperationError');
    const name = MARKETPLACE_NAMES[c.marketplace];
    const said = `${failed.error?.message} ${failed.error?.description ?? ''}`;
    if (!c.byN8n) expect(said).toContain(name);
    for (const words of c.says) expect(said).toContain(words);
    if (c.limit) expect(failed.error?.description).toContain(`Limit: ${c.limit}`);

    const continued = await run(c, true);
    expect(continued.error).toBeUndefined();
    const json = continued.items?.[0]?.json ?? {};
    expect(json.error).toEqual(failed.error?.message);
    if (c.kind) expect(json).toMatchObject({ kind: c.kind, marketplace: c.marketplace });
    if (c.field) expect(json.field).toBe(c.field);
    if (c.limit) expect(json.limit).toBe(c.limit);
    expect(recorder.hits.slice(before)).toEqual([]);
  });

  it.each(['metro', 'yandex', 'ozon', 'storeden'] as const)(
    '%s: a wrong secret is the marketplace refusing: a NodeApiError, and kind auth in the output',
    async (m) => {
      const credentials = sandboxCredentials(sandbox, m, { [SECRET_FIELD[m]]: 'wrong-secret-for-bad-input' });
      const parameters = { marketplace: m, resource: 'chat', operation: 'getAll', returnAll: true };
      const failed = await runNode({ parameters, credentials });
      expect(failed.error?.name).toBe('NodeApiError');
      expect(failed.error?.message).toContain(MARKETPLACE_NAMES[m]);
      const continued = await runNode({ parameters, credentials, continueOnFail: true });
      expect(continued.items?.[0]?.json).toMatchObject({ kind: 'auth', marketplace: m });
    },
  );
});
