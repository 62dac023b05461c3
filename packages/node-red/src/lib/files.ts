import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Capabilities, type FileUpload, formatBytes, ValidationError } from '@sellerchat/core';
import type { NodeMessage } from './red.js';

/**
 * A file as a flow hands it over: a Buffer, a path on the Node-RED machine, or an object
 * `{ data | path, name?, mimeType? }` (a file-in node's Buffer with msg.filename fits too).
 */
export type FileInput =
  | Buffer
  | Uint8Array
  | string
  | { data?: unknown; path?: unknown; name?: unknown; mimeType?: unknown };

function invalid(caps: Capabilities, field: string, message: string, limit: string): ValidationError {
  return new ValidationError(`${caps.displayName}: ${field} ${message}`, {
    marketplace: caps.marketplace,
    field,
    limit,
  });
}

async function fromPath(caps: Capabilities, path: string, field: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw invalid(caps, field, `is not a file: ${path}`, 'a readable file');
    size = info.size;
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const code = (error as { code?: string }).code ?? 'error';
    throw invalid(caps, field, `cannot be read (${code}): ${path}`, 'a readable file');
  }
  // Refuse an oversized file before reading it into memory.
  const max = caps.attachments?.maxSize;
  if (max !== null && max !== undefined && size > max) {
    throw invalid(
      caps,
      field,
      `(${basename(path)}) is ${formatBytes(size)}; the limit is ${formatBytes(max)}`,
      formatBytes(max),
    );
  }
  return new Uint8Array(await readFile(path));
}

async function one(
  caps: Capabilities,
  input: unknown,
  field: string,
  fallbackName: string,
): Promise<FileUpload> {
  if (input instanceof Uint8Array) return { name: fallbackName, data: input };
  if (typeof input === 'string') {
    if (input.trim() === '') throw invalid(caps, field, 'is an empty file path', 'a file path');
    return { name: basename(input), data: await fromPath(caps, input, field) };
  }
  if (typeof input === 'object' && input !== null) {
    const o = input as {
      data?: unknown;
      path?: unknown;
      name?: unknown;
      mimeType?: unknown;
      filename?: unknown;
    };
    const mimeType = typeof o.mimeType === 'string' && o.mimeType !== '' ? o.mimeType : undefined;
    const given = typeof o.name === 'string' && o.name.trim() !== '' ? o.name.trim() : undefined;
    let file: FileUpload;
    if (o.data instanceof Uint8Array) file = { name: given ?? fallbackName, data: o.data };
    else if (typeof o.path === 'string' && o.path.trim() !== '') {
      file = { name: given ?? basename(o.path), data: await fromPath(caps, o.path, `${field}.path`) };
    } else {
      throw invalid(
        caps,
        field,
        'has neither data (a Buffer) nor path',
        '{ data: Buffer | path: string, name?, mimeType? }',
      );
    }
    return mimeType ? { ...file, mimeType } : file;
  }
  throw invalid(
    caps,
    field,
    'must be a Buffer, a file path or { data | path, name?, mimeType? }',
    'Buffer | path | object',
  );
}

/**
 * Reads the files a msg carries. `value` may be one file or a list of them. `defaultName` names a
 * bare Buffer (msg.filename from a file-in node, else "attachment"); the type comes from the name.
 */
export async function readFiles(
  caps: Capabilities,
  value: unknown,
  field: string,
  defaultName = 'attachment',
): Promise<FileUpload[]> {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const files: FileUpload[] = [];
  for (const [i, item] of list.entries()) {
    files.push(await one(caps, item, Array.isArray(value) ? `${field}[${i}]` : field, defaultName));
  }
  return files;
}

/** The name for a bare Buffer: msg.filename (a file-in node sets it to the path) or "attachment". */
export function defaultFileName(msg: NodeMessage): string {
  const name = typeof msg.filename === 'string' ? basename(msg.filename.trim()) : '';
  return name === '' ? 'attachment' : name;
}
