import { type Server, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** How long a refused connection may keep sending before the sandbox drops it. */
const DRAIN_MS = 2_000;

function statusFor(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * Answers requests Node's parser refuses (headers over 16 KB, malformed HTTP) with a status and
 * an x-sandbox-error header, and reads on for a moment, so a client still writing its body gets the answer instead of
 * ECONNRESET (Node's default destroys the socket at once). Returns a function that drops the
 * sockets still draining, for close().
 */
export function answerClientErrors(server: Server): () => void {
  const draining = new Set<Socket>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = statusFor(error.code);
    // No body: the request line may have been HEAD, and the parser that knew is gone.
    const reason = `The sandbox could not read this request: ${error.code ?? 'malformed HTTP'}`;
    draining.add(socket);
    const timer = setTimeout(() => socket.destroy(), DRAIN_MS);
    socket.once('close', () => {
      clearTimeout(timer);
      draining.delete(socket);
    });
    socket.on('error', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nx-sandbox-error: ${reason}\r\n` +
        'content-length: 0\r\nconnection: close\r\n\r\n',
    );
    socket.resume();
  });
  return () => {
    for (const socket of draining) socket.destroy();
    draining.clear();
  };
}
