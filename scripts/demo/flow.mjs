// The auto-reply flow the demo deploys: one tab, and per marketplace a sellerchat-account on the
// sandbox, a sellerchat-in (push on where the marketplace has it), a reply text and a sellerchat-send.
import { accountCredentials } from './sandbox.mjs';

const NAMES = { metro: 'Metro Markets', yandex: 'Yandex Market', ozon: 'Ozon', storeden: 'Storeden' };
/** Marketplaces whose trigger also takes push notifications, and the path below httpNodeRoot. */
export const PUSH_PATHS = { yandex: '/sellerchat/yandex', ozon: '/sellerchat/ozon' };

export const TAB_ID = 'demo-tab';
export const triggerId = (marketplace) => `demo-in-${marketplace}`;

function replyTemplate(marketplace) {
  const order = 'sellerchat.chat.context.orderNumber';
  return [
    'Hello{{#sellerchat.chat.buyer.name}}, {{sellerchat.chat.buyer.name}}{{/sellerchat.chat.buyer.name}}!',
    ` Thanks for your message{{#${order}}} about order {{${order}}}{{/${order}}}.`,
    ` This is the SellerChat demo auto-reply on ${NAMES[marketplace]}, sent by Node-RED:`,
    ' a person will follow up shortly.',
  ].join('');
}

function row(sandbox, marketplace, index, intervalS) {
  const y = 80 + index * 100;
  const account = `demo-account-${marketplace}`;
  const push = PUSH_PATHS[marketplace];
  return [
    {
      id: account,
      type: 'sellerchat-account',
      name: `${NAMES[marketplace]} (sandbox)`,
      marketplace,
      server: 'sandbox',
      baseUrl: sandbox.url,
      ...(marketplace === 'metro' ? { metroEnvironment: 'production', metroSignature: 'base64' } : {}),
      credentials: accountCredentials(sandbox, marketplace),
    },
    {
      id: triggerId(marketplace),
      type: 'sellerchat-in',
      z: TAB_ID,
      name: `${NAMES[marketplace]} (${push ? 'push + poll' : 'poll'})`,
      account,
      events: 'messages',
      interval: intervalS,
      firstRun: 'now',
      since: '',
      store: '',
      push: Boolean(push),
      pushPath: push ?? '',
      x: 190,
      y,
      wires: [[`demo-text-${marketplace}`]],
    },
    {
      id: `demo-text-${marketplace}`,
      type: 'template',
      z: TAB_ID,
      name: 'reply text',
      field: 'payload',
      fieldType: 'msg',
      format: 'handlebars',
      syntax: 'mustache',
      template: replyTemplate(marketplace),
      output: 'str',
      x: 450,
      y,
      wires: [[`demo-send-${marketplace}`]],
    },
    {
      id: `demo-send-${marketplace}`,
      type: 'sellerchat-send',
      z: TAB_ID,
      name: 'answer in the same chat',
      account,
      chat: '',
      x: 670,
      y,
      wires: [['demo-debug']],
    },
  ];
}

/** The whole flow, sandbox credentials inline (Node-RED encrypts them into flows_cred.json). */
export function autoReplyFlow(sandbox, marketplaces, intervalS) {
  return [
    {
      id: TAB_ID,
      type: 'tab',
      label: 'SellerChat demo: auto-reply',
      disabled: false,
      info: 'Answers every new buyer message on the SellerChat sandbox, on all four marketplaces.',
    },
    ...marketplaces.flatMap((marketplace, index) => row(sandbox, marketplace, index, intervalS)),
    {
      id: 'demo-debug',
      type: 'debug',
      z: TAB_ID,
      name: 'replies sent',
      active: true,
      tosidebar: true,
      console: false,
      tostatus: false,
      complete: 'payload',
      targetType: 'msg',
      x: 900,
      y: 80,
      wires: [],
    },
    {
      id: 'demo-catch',
      type: 'catch',
      z: TAB_ID,
      name: 'SellerChat errors',
      scope: null,
      uncaught: false,
      x: 670,
      y: 80 + marketplaces.length * 100,
      wires: [['demo-debug']],
    },
  ];
}
