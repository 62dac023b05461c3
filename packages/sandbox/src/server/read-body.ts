import type { IncomingMessage } from 'node:http';

export interface ReadBody {
  body: Buffer;
  /** More than the cap arrived; the rest was read and dropped so the client can read our answer. */
  tooLarge: boolean;
  size: number;
}

/** Reads a request body, keeping at most `cap` bytes in memory whatever the client sends. */
export function readBody(req: IncomingMessage, cap: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) return;
      if (size > cap) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge, size }),
    );
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}
