import type { INodeExecutionData } from 'n8n-workflow';

/** Deterministic bytes covering every byte value, so any re-encoding shows. */
export function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed * 7) % 256;
  return out;
}

/** An input item carrying files as n8n binary data (in-memory mode: base64 in the item). */
export function itemWithFiles(
  files: Record<string, { name: string; mimeType: string; data: Uint8Array }>,
): INodeExecutionData {
  return {
    json: {},
    binary: Object.fromEntries(
      Object.entries(files).map(([key, f]) => [
        key,
        { data: Buffer.from(f.data).toString('base64'), fileName: f.name, mimeType: f.mimeType },
      ]),
    ),
  };
}

/** The bytes of an output binary property (in-memory mode). */
export function binaryBytes(item: INodeExecutionData, key: string): Uint8Array {
  const binary = item.binary?.[key];
  if (!binary) throw new Error(`no binary property ${key}`);
  return new Uint8Array(Buffer.from(binary.data, 'base64'));
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  return new Uint8Array(await response.arrayBuffer());
}
