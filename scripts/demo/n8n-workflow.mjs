// What the demo imports into n8n: one credential per marketplace pointing at the sandbox, and one
// auto-reply workflow per marketplace (trigger → SellerChat send). Yandex Market and Ozon start
// through the SellerChat Push Trigger, whose webhook the sandbox then pushes to; Metro Markets and
// Storeden have no push, so their SellerChat Trigger polls every minute, the shortest interval
// n8n allows a polling trigger ("The polling interval is too short" below a minute).
import { PUSH_PATHS } from './flow.mjs';
import { MARKETPLACES } from './sandbox.mjs';

/** Node types of a package installed under <userFolder>/.n8n/nodes, as Community Nodes installs it. */
const PACKAGE = 'n8n-nodes-sellerchat';
const NAMES = { metro: 'Metro Markets', yandex: 'Yandex Market', ozon: 'Ozon', storeden: 'Storeden' };
const CREDENTIAL_TYPES = {
  metro: 'sellerChatMetroApi',
  yandex: 'sellerChatYandexApi',
  ozon: 'sellerChatOzonApi',
  storeden: 'sellerChatStoredenApi',
};
/** The sandbox's credential set that can answer (Storeden: the read & write pair). */
const VARIANTS = { metro: 'seller', yandex: 'default', ozon: 'default', storeden: 'readWrite' };
/** Marketplaces started by push: the sandbox delivers each buyer message to the workflow's webhook. */
export const N8N_PUSH = Object.keys(PUSH_PATHS);

// n8n ids are 16-character strings; fixed ones let the demo print and wire them without a lookup.
const suffix = (marketplace) => marketplace.padEnd(8, '0').slice(0, 8);
export const workflowId = (marketplace) => `scDemoWf${suffix(marketplace)}`;
const credentialId = (marketplace) => `scDemoCr${suffix(marketplace)}`;
/** The push trigger's webhook id: its production URL is /webhook/<id>/webhook. */
const webhookId = (marketplace) =>
  `00000000-5e11-4c4a-8000-${Buffer.from(suffix(marketplace)).toString('hex').slice(0, 12)}`;

/** The production URL of a push workflow's trigger on an n8n listening at `n8nUrl`. */
export const pushUrl = (n8nUrl, marketplace) => `${n8nUrl}/webhook/${webhookId(marketplace)}/webhook`;

/** Credentials in n8n's import format with `data` in the clear: `n8n import:credentials` encrypts it. */
export function demoCredentials(sandbox, marketplaces = MARKETPLACES) {
  return marketplaces.map((marketplace) => ({
    id: credentialId(marketplace),
    name: `${NAMES[marketplace]} (sandbox)`,
    type: CREDENTIAL_TYPES[marketplace],
    data: {
      ...sandbox.control.credentials(marketplace)[VARIANTS[marketplace]],
      ...(marketplace === 'metro' ? { environment: 'production', signatureEncoding: 'base64' } : {}),
      baseUrl: `${sandbox.url}/${marketplace}`,
    },
  }));
}

/** The reply as an n8n expression: the buyer's name and order number where the chat has them. */
function replyText(marketplace) {
  return [
    "=Hello{{ $json.chat.buyer?.name ? ', ' + $json.chat.buyer.name : '' }}!",
    " Thanks for your message{{ $json.chat.context?.orderNumber ? ' about order ' + $json.chat.context.orderNumber : '' }}.",
    ` This is the SellerChat demo auto-reply on ${NAMES[marketplace]}, sent by n8n:`,
    ' a person will follow up shortly.',
  ].join('');
}

function trigger(marketplace, credentials) {
  const common = { typeVersion: 1, position: [0, 0], credentials };
  if (N8N_PUSH.includes(marketplace)) {
    return {
      ...common,
      id: `${workflowId(marketplace)}-trigger`,
      name: `Push from ${NAMES[marketplace]}`,
      type: `${PACKAGE}.sellerChatPushTrigger`,
      webhookId: webhookId(marketplace),
      parameters: { marketplace, event: 'messages', restrictIps: false, options: {} },
    };
  }
  return {
    ...common,
    id: `${workflowId(marketplace)}-trigger`,
    name: `New message on ${NAMES[marketplace]}`,
    type: `${PACKAGE}.sellerChatTrigger`,
    parameters: {
      pollTimes: { item: [{ mode: 'everyMinute' }] },
      marketplace,
      event: 'messages',
      firstRun: 'now',
      options: {},
    },
  };
}

/** One auto-reply workflow for `marketplace`, in n8n's import format. */
export function autoReplyWorkflow(marketplace) {
  const credentials = {
    [CREDENTIAL_TYPES[marketplace]]: {
      id: credentialId(marketplace),
      name: `${NAMES[marketplace]} (sandbox)`,
    },
  };
  const start = trigger(marketplace, credentials);
  const answer = {
    id: `${workflowId(marketplace)}-answer`,
    name: 'Answer in the same chat',
    type: `${PACKAGE}.sellerChat`,
    typeVersion: 1,
    position: [300, 0],
    credentials,
    parameters: {
      marketplace,
      resource: 'message',
      operation: 'send',
      chatId: '={{ $json.reply.chatId }}',
      text: replyText(marketplace),
    },
  };
  return {
    id: workflowId(marketplace),
    name: `SellerChat demo: auto-reply on ${NAMES[marketplace]}`,
    active: false,
    nodes: [start, answer],
    connections: { [start.name]: { main: [[{ node: answer.name, type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
    pinData: {},
  };
}
