// --check: one buyer message per marketplace through the sandbox's control API, then exactly one
// reply each from the deployed flow or workflows (through push on Yandex Market and Ozon). One
// line each. All messages are written first and awaited together, so slow pollers (n8n polls once
// a minute at the most) cost one interval, not one per marketplace.
import { PUSH_PATHS } from './flow.mjs';
import { acceptedPushes } from './push.mjs';
import { writableChat } from './sandbox.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function buyerWrite(sandbox, marketplace, chatId, text) {
  const res = await fetch(`${sandbox.url}/_sandbox/${marketplace}/buyer/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chatId, text }),
  });
  if (!res.ok) throw new Error(`${marketplace}: the sandbox refused the buyer message (${res.status})`);
}

const repliesIn = (sandbox, marketplace, chatId) =>
  sandbox.control.sellerMessages(marketplace).filter((m) => m.chatId === chatId).length;

/**
 * Returns true when every marketplace got exactly one reply (and the push ones through push).
 * `host` names who answers in the report; `replyTimeoutMs` is how long a reply may take.
 */
export async function check(
  sandbox,
  marketplaces,
  intervalMs,
  { host = 'Node-RED', replyTimeoutMs = 20_000 } = {},
) {
  const results = [];
  for (const marketplace of marketplaces) {
    const chatId = writableChat(sandbox, marketplace);
    const before = repliesIn(sandbox, marketplace, chatId);
    const pushesBefore = acceptedPushes(sandbox, marketplace);
    const started = Date.now();
    await buyerWrite(sandbox, marketplace, chatId, 'Hello, is my order on its way?');
    results.push({ marketplace, chatId, before, pushesBefore, started, ms: undefined });
  }
  for (;;) {
    for (const result of results) {
      if (result.ms === undefined && repliesIn(sandbox, result.marketplace, result.chatId) > result.before) {
        result.ms = Date.now() - result.started;
      }
    }
    if (results.every((r) => r.ms !== undefined || Date.now() - r.started >= replyTimeoutMs)) break;
    await sleep(50);
  }
  // A second poll must not answer again: wait one more interval, then count.
  await sleep(intervalMs + 1000);
  let ok = true;
  for (const { marketplace, chatId, before, pushesBefore, ms } of results) {
    const replies = repliesIn(sandbox, marketplace, chatId) - before;
    const pushed = acceptedPushes(sandbox, marketplace) - pushesBefore;
    const wantsPush = marketplace in PUSH_PATHS;
    const problems = [];
    if (replies === 0) problems.push(`no reply within ${replyTimeoutMs / 1000} s`);
    if (replies > 1) problems.push(`${replies} replies instead of one`);
    if (wantsPush && pushed === 0) problems.push(`no push notification accepted by ${host}`);
    ok &&= problems.length === 0;
    const how = wantsPush ? `push, ${pushed} notification(s) accepted` : 'poll';
    console.log(
      problems.length === 0
        ? `ok   ${marketplace}: one reply after ${ms} ms (${how})`
        : `FAIL ${marketplace}: ${problems.join('; ')}`,
    );
  }
  return ok;
}
