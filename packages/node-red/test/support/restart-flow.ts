// The auto-reply flow the restart tests deploy: per marketplace sellerchat-in (polling every
// second, or push for Yandex Market and Ozon with a poll every 2 s; state in the file context
// store; redelivery on) → post the event to the test's recorder → build the reply →
// sellerchat-send; a Catch node posts any error to the recorder.
import { MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import type { RunningSandbox } from '@sellerchat/sandbox';
import { replyTag } from '@sellerchat/sandbox/testing';
import { accountNode, sandboxCredentials } from './sandbox.js';

export const PUSH_MARKETPLACES: MarketplaceId[] = ['yandex', 'ozon'];

const TAB = 'restart-tab';

function post(id: string, url: string, wires: string[][]) {
  return {
    id,
    type: 'http request',
    z: TAB,
    method: 'POST',
    ret: 'obj',
    paytoqs: 'ignore',
    url,
    tls: '',
    persist: false,
    proxy: '',
    insecureHTTPParser: false,
    authType: '',
    senderr: true,
    headers: [],
    wires,
  };
}

function fn(id: string, func: string, wires: string[][]) {
  return { id, type: 'function', z: TAB, func, outputs: 1, noerr: 0, wires };
}

// Runs in Node-RED's function sandbox; `redelivered` is passed on as the trigger set it.
const RECORD = `const e = msg.sellerchat;
msg.payload = { eventId: e.id, messageId: e.message.id, chatId: e.reply.chatId, marketplace: e.marketplace, redelivered: e.redelivered, source: e.source };
return msg;`;

const REPLY = `if (msg.statusCode !== 200) throw new Error('the recorder answered ' + msg.statusCode);
msg.payload = 'Thank you, we are on it ' + ${JSON.stringify(replyTag('#'))}.replace('#', msg.sellerchat.message.id);
return msg;`;

const ERROR = `msg.payload = { message: String(msg.error && msg.error.message), node: msg.error && msg.error.source && msg.error.source.id };
return msg;`;

export function restartFlow(
  sb: RunningSandbox,
  recorderUrl: string,
  options: { redeliverS: number; push: boolean },
) {
  const nodes: Array<Record<string, unknown>> = [
    { id: TAB, type: 'tab', label: 'restart test' },
    { id: 'catch', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['error-body']] },
    fn('error-body', ERROR, [['error-post']]),
    post('error-post', `${recorderUrl}/error`, [[]]),
  ];
  for (const marketplace of MARKETPLACES) {
    const account = accountNode(sb, marketplace);
    nodes.push(
      { ...account, credentials: sandboxCredentials(sb, marketplace) },
      {
        id: `in-${marketplace}`,
        type: 'sellerchat-in',
        z: TAB,
        account: account.id,
        events: 'messages',
        firstRun: 'now',
        store: 'file',
        ...(options.push && PUSH_MARKETPLACES.includes(marketplace)
          ? { push: true, pushPath: `/sellerchat/${marketplace}`, interval: 2 }
          : { interval: 1 }),
        // "Redeliver unanswered after (s)", 0 is off; up to 10 deliveries, as 20 kills may hit
        // one message more often than the default 3 allow.
        redeliver: options.redeliverS,
        redeliverMax: 10,
        wires: [[`record-${marketplace}`]],
      },
      fn(`record-${marketplace}`, RECORD, [[`post-${marketplace}`]]),
      post(`post-${marketplace}`, `${recorderUrl}/event`, [[`reply-${marketplace}`]]),
      fn(`reply-${marketplace}`, REPLY, [[`send-${marketplace}`]]),
      { id: `send-${marketplace}`, type: 'sellerchat-send', z: TAB, account: account.id, wires: [[]] },
    );
  }
  return nodes;
}

export const triggerIds = () => MARKETPLACES.map((m) => `in-${m}`);
