import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capabilitiesOf } from '@sellerchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFileName, readFiles } from './files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sellerchat-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readFiles', () => {
  it('reads Buffers, paths and { data | path, name, mimeType } objects', async () => {
    const path = join(dir, 'manual.pdf');
    await writeFile(path, 'pdf bytes');
    const files = await readFiles(
      capabilitiesOf('metro'),
      [
        Buffer.from('a'),
        path,
        { path, name: 'renamed.pdf' },
        { data: Buffer.from('b'), name: 'x.png', mimeType: 'image/png' },
      ],
      'msg.attachments',
      'photo.jpg',
    );
    expect(files.map((f) => f.name)).toEqual(['photo.jpg', 'manual.pdf', 'renamed.pdf', 'x.png']);
    expect(Buffer.from(files[1]!.data).toString()).toBe('pdf bytes');
    expect(files[3]!.mimeType).toBe('image/png');
  });

  it('refuses a file over the limit before reading it, naming the field and the limit', async () => {
    const path = join(dir, 'big.bin');
    await writeFile(path, Buffer.alloc(5 * 1024 * 1024 + 1));
    await expect(readFiles(capabilitiesOf('yandex'), [path], 'msg.attachments')).rejects.toMatchObject({
      kind: 'validation',
      field: 'msg.attachments[0]',
      limit: '5 MB',
      marketplace: 'yandex',
    });
  });

  it('refuses what is not a file', async () => {
    await expect(readFiles(capabilitiesOf('ozon'), 42, 'msg.payload')).rejects.toMatchObject({
      field: 'msg.payload',
    });
    await expect(readFiles(capabilitiesOf('ozon'), { name: 'x' }, 'msg.payload')).rejects.toMatchObject({
      field: 'msg.payload',
    });
  });

  it('names a bare Buffer after msg.filename', () => {
    expect(defaultFileName({ filename: '/data/in/label.png' })).toBe('label.png');
    expect(defaultFileName({})).toBe('attachment');
  });
});
