// --check: one buyer message per marketplace through the sandbox's control API, then exactly one
// reply each from the deployed flow (through push on Yandex Market and Ozon). One line each.
import { PUSH_PATHS } from './flow.mjs';
import { acceptedPushes } from './push.mjs';
import { writableChat } from './sandbox.mjs';

const REPLY_TIMEOUT_MS = 20_000;
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

/** Returns true when every marketplace got exactly one reply (and the push ones through push). */
export async function check(sandbox, marketplaces, intervalMs) {
  const results = [];
  for (const marketplace of marketplaces) {
    const chatId = writableChat(sandbox, marketplace);
    const before = repliesIn(sandbox, marketplace, chatId);
    const pushesBefore = acceptedPushes(sandbox, marketplace);
    const started = Date.now();
    await buyerWrite(sandbox, marketplace, chatId, 'Hello, is my order on its way?');
    while (repliesIn(sandbox, marketplace, chatId) === before && Date.now() - started < REPLY_TIMEOUT_MS) {
      await sleep(50);
    }
    const ms = Date.now() - started;
    results.push({ marketplace, chatId, before, pushesBefore, ms });
  }
  // A second poll must not answer again: wait one more interval, then count.
  await sleep(intervalMs + 1000);
  let ok = true;
  for (const { marketplace, chatId, before, pushesBefore, ms } of results) {
    const replies = repliesIn(sandbox, marketplace, chatId) - before;
    const pushed = acceptedPushes(sandbox, marketplace) - pushesBefore;
    const wantsPush = marketplace in PUSH_PATHS;
    const problems = [];
    if (replies === 0) problems.push(`no reply within ${REPLY_TIMEOUT_MS / 1000} s`);
    if (replies > 1) problems.push(`${replies} replies instead of one`);
    if (wantsPush && pushed === 0) problems.push('no push notification accepted by Node-RED');
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
