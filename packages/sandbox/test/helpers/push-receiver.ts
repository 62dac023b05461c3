import type { ServerResponse } from 'node:http';
import { type JsonReceiver, type ReceivedJson, startJsonReceiver } from '../../src/testing/json-receiver.js';

export type ReceivedPush = ReceivedJson;
export type PushReceiver = JsonReceiver;

/** A real push endpoint on 127.0.0.1 that records each notification and answers with `reply`. */
export function startPushReceiver(
  reply: (push: ReceivedPush, index: number, res: ServerResponse) => void,
): Promise<PushReceiver> {
  return startJsonReceiver({ respond: reply });
}

export function replyJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export const PING_REPLY = { version: '1.0.0', name: 'test-receiver', time: '2025-01-01T00:00:00Z' };
