import type { IncomingMessage } from 'node:http';
import { ValidationError } from '@sellerchat/core';
import type { HttpApp, RequestHandler } from './red.js';
import type { PushRequest, PushResponse } from './watcher-api.js';

/** Notifications are small JSON documents; anything bigger is not one. */
export const MAX_PUSH_BODY_BYTES = 1024 * 1024;

const PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

/** Checks a push path before anything is mounted: absolute, no query, no wildcard. */
export function checkPushPath(path: string | undefined): string {
  const value = (path ?? '').trim();
  if (value === '' || !PATH.test(value) || value.includes('//')) {
    throw new ValidationError(
      `Push path must start with / and hold only URL path characters (got "${value}"), e.g. /sellerchat/yandex`,
      { field: 'pushPath', limit: 'an absolute URL path' },
    );
  }
  return value.length > 1 ? value.replace(/\/+$/, '') : value;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage & { body?: unknown }): Promise<string> {
  // A body-parser mounted on httpNode by settings.js may have read the stream already.
  const parsed = req.body;
  if (typeof parsed === 'string') return Promise.resolve(parsed);
  if (Buffer.isBuffer(parsed)) return Promise.resolve(parsed.toString('utf8'));
  if (parsed !== undefined && parsed !== null && typeof parsed === 'object' && req.readableEnded) {
    return Promise.resolve(JSON.stringify(parsed));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PUSH_BODY_BYTES) {
        chunks.length = 0;
        // The rest is read and dropped so the 413 reaches the sender (destroying the request resets
        // the socket first); a body that runs on far past the limit is cut off all the same.
        if (size > 8 * MAX_PUSH_BODY_BYTES) {
          reject(new BodyTooLarge());
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_PUSH_BODY_BYTES) reject(new BodyTooLarge());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): PushRequest['headers'] {
  return { ...req.headers };
}

export type PushHandler = (request: PushRequest) => Promise<PushResponse>;

/** The routes a push endpoint answers on: Yandex may post to `<url>/notification` (its spec's path). */
export function pushRoutes(path: string, marketplace: string): string[] {
  if (marketplace !== 'yandex') return [path];
  const base = path === '/' ? '' : path;
  return [path, `${base}/notification`];
}

/** Whether another route already answers POST on `path` (another trigger's endpoint, an http-in node). */
export function routeTaken(app: HttpApp, path: string): boolean {
  return (app._router?.stack ?? []).some(
    (layer) => layer.route?.path === path && layer.route.methods?.post === true,
  );
}

/**
 * Mounts POST routes on Node-RED's httpNode app and returns the function that removes them
 * again. express 4 has no unmount: the route layers are taken out of its stack, as Node-RED's
 * own http-in node does on redeploy, so 50 redeploys leave exactly one route, not fifty.
 */
export function mountPushRoute(app: HttpApp, paths: string[], handle: PushHandler): () => void {
  for (const path of paths) {
    if (routeTaken(app, path)) {
      throw new ValidationError(`Push path ${path} is already used by another node; pick another one`, {
        field: 'pushPath',
        limit: 'a path no other node uses',
      });
    }
  }
  const handler: RequestHandler = (req, res) => {
    readBody(req)
      .then((body) => handle({ headers: headersOf(req), body }))
      .then((response) => {
        res.statusCode = response.status;
        for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
        res.end(response.body);
      })
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const tooLarge = error instanceof BodyTooLarge;
        res.statusCode = tooLarge ? 413 : 500;
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            error: {
              message: tooLarge ? 'notification body too large; the limit is 1 MB' : 'internal error',
            },
          }),
        );
      });
  };
  for (const path of paths) app.post(path, handler);
  return () => {
    const stack = app._router?.stack;
    if (!stack) return;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]?.route?.stack?.some((layer) => layer.handle === handler)) stack.splice(i, 1);
    }
  };
}
