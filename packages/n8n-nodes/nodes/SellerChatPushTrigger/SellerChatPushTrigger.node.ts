import { CAPABILITIES, MARKETPLACE_NAMES, type PushRequest, type PushResult, poll } from '@sellerchat/core';
import type {
  IDataObject,
  IHookFunctions,
  INodeType,
  INodeTypeDescription,
  IWebhookFunctions,
  IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { toNodeError } from '../SellerChat/helpers/errors.js';
import { toJson } from '../SellerChat/helpers/json.js';
import { connect } from '../SellerChat/transport/connect.js';
import { CREDENTIAL_TYPES } from '../SellerChat/transport/credential-types.js';
import { n8nRuntime } from '../SellerChat/transport/runtime.js';
import { accountKey, readStored, writeStored } from '../SellerChatTrigger/trigger-state.js';
import {
  chatKindsProperties,
  eventProperty,
  senderOptionsProperty,
  watcherOptions,
} from '../SellerChatTrigger/watch-options.js';
import { ipAllowed, PUSH_SOURCE_RANGES, parseRanges } from './ip-allow-list.js';
import {
  handlePush,
  PUSH_MARKETPLACES,
  type PushAnswer,
  type PushMarketplace,
  refusal,
} from './push-handler.js';
import {
  pathCarriesSecret,
  readSecretPath,
  redactSecret,
  secretPathProperty,
  urlFingerprint,
  WEBHOOK_SUFFIXES,
  webhookPath,
} from './secret-path.js';

const NAME = 'SellerChat';
const VERSION = '1';

/** Writes the exact status, content type and body the marketplace's protocol asks for. */
function send(fn: IWebhookFunctions, answer: PushAnswer): void {
  // Plain Node response calls: Express's Response is a ServerResponse, and nothing of Express is needed.
  const res = fn.getResponseObject();
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}

function rawBody(fn: IWebhookFunctions): string {
  // n8n keeps the request bytes; parsing them again keeps 64-bit ids exact.
  const raw = (fn.getRequestObject() as { rawBody?: unknown }).rawBody;
  if (raw instanceof Uint8Array) return new TextDecoder('utf-8').decode(raw);
  if (typeof raw === 'string') return raw;
  return JSON.stringify(fn.getBodyData() ?? {});
}

function requestPath(fn: IWebhookFunctions): string {
  const req = fn.getRequestObject() as { originalUrl?: string; url?: string };
  return req.originalUrl ?? req.url ?? '';
}

function suffixOf(fn: IWebhookFunctions): string {
  return fn.getWebhookName() === 'setup' ? WEBHOOK_SUFFIXES.setup : WEBHOOK_SUFFIXES.default;
}

/** The secret segment, '' when none; activation stops with an error naming the field and the limit. */
function secretOf(fn: IHookFunctions): string {
  try {
    return readSecretPath(fn.getNodeParameter('secretPath', ''));
  } catch (error) {
    throw new NodeOperationError(fn.getNode(), `${(error as Error).message} ${forMarketplace(fn)}`);
  }
}

function forMarketplace(fn: IHookFunctions | IWebhookFunctions): string {
  const marketplace = fn.getNodeParameter('marketplace', 'yandex') as PushMarketplace;
  const name = PUSH_MARKETPLACES.includes(marketplace) ? MARKETPLACE_NAMES[marketplace] : 'the marketplace';
  return `(URL of the ${name} push notifications)`;
}

function sourceIp(fn: IWebhookFunctions): string | undefined {
  const req = fn.getRequestObject() as { ip?: string; socket?: { remoteAddress?: string } };
  return req.ip ?? req.socket?.remoteAddress;
}

export class SellerChatPushTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SellerChat Push Trigger',
    name: 'sellerChatPushTrigger',
    icon: { light: 'file:../../icons/sellerchat.svg', dark: 'file:../../icons/sellerchat.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["marketplace"] + ": " + $parameter["event"]}}',
    description: 'Starts the workflow the moment Yandex Market or Ozon notifies a new buyer message or chat',
    defaults: { name: 'SellerChat Push Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: marketplaceCredentialsForPush(),
    webhooks: [
      {
        name: 'default',
        httpMethod: 'POST',
        responseMode: 'onReceived',
        path: webhookPath(WEBHOOK_SUFFIXES.default),
      },
      // Yandex Market may append /notification to the URL set in the cabinet (its spec names that path).
      {
        name: 'setup',
        httpMethod: 'POST',
        responseMode: 'onReceived',
        path: webhookPath(WEBHOOK_SUFFIXES.setup),
        ndvHideUrl: true,
      },
    ],
    properties: [
      {
        displayName:
          "Paste the Production URL shown above into the seller cabinet (Yandex Market: Settings → API and modules → API notifications; Ozon: Settings → Notifications → Push notifications). The marketplaces have no API to register it: activating the workflow only records the URL here. Each notification is answered in the marketplace's own protocol (PING included) and its message fetched in full.",
        name: 'notice',
        type: 'notice',
        default: '',
      },
      {
        displayName: 'Marketplace',
        name: 'marketplace',
        type: 'options',
        noDataExpression: true,
        options: PUSH_MARKETPLACES.filter((m) => CAPABILITIES[m].push).map((m) => ({
          name: MARKETPLACE_NAMES[m],
          value: m,
        })),
        default: 'yandex',
        description:
          'The marketplace that sends the notifications (only those with push notifications are listed)',
      },
      eventProperty,
      ...chatKindsProperties.filter((p) =>
        PUSH_MARKETPLACES.some((m) => p.displayOptions?.show?.marketplace?.includes(m)),
      ),
      {
        displayName: 'Restrict to Marketplace IPs',
        name: 'restrictIps',
        type: 'boolean',
        default: false,
        description:
          "Whether to refuse notifications from outside the marketplace's published source ranges (behind a reverse proxy, set N8N_PROXY_HOPS so n8n sees the sender's address)",
      },
      {
        displayName: 'Also Allow',
        name: 'extraIps',
        type: 'string',
        default: '',
        placeholder: '10.0.0.0/8, 127.0.0.1',
        description: 'More addresses or IPv4 CIDR ranges to accept, comma-separated',
        displayOptions: { show: { restrictIps: [true] } },
      },
      secretPathProperty,
      senderOptionsProperty,
    ],
  };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        secretOf(this);
        const staticData = this.getWorkflowStaticData('node');
        const url = this.getNodeWebhookUrl('default') ?? '';
        return staticData.webhookKey === urlFingerprint(url);
      },
      // Nothing to register: the seller pastes the URL into the cabinet. Recording it lets checkExists
      // notice a changed URL (another instance, a new path) after a restart or leader change. The
      // first activation also anchors the watcher at "now" in the marketplace's own data, so the
      // first notifications are judged against real positions rather than the local clock.
      async create(this: IHookFunctions): Promise<boolean> {
        const secret = secretOf(this);
        const staticData = this.getWorkflowStaticData('node');
        const url = this.getNodeWebhookUrl('default') ?? '';
        // Static data travels with the workflow: it keeps the URL masked and a fingerprint to compare.
        staticData.webhookUrl = redactSecret(url, secret);
        staticData.webhookKey = urlFingerprint(url);
        await anchorWatcher(this, staticData);
        return true;
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        const staticData = this.getWorkflowStaticData('node');
        delete staticData.webhookUrl;
        delete staticData.webhookKey;
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const marketplace = this.getNodeParameter('marketplace', 'yandex') as PushMarketplace;
    if (!PUSH_MARKETPLACES.includes(marketplace)) {
      send(this, refusal('yandex', 500, `${String(marketplace)} sends no push notifications`));
      return { noWebhookResponse: true };
    }
    let secret: string;
    try {
      secret = readSecretPath(this.getNodeParameter('secretPath', ''));
    } catch (error) {
      send(
        this,
        refusal(marketplace, 500, `SellerChat: ${(error as Error).message} ${forMarketplace(this)}`),
      );
      return { noWebhookResponse: true };
    }
    // n8n routes only the exact registered path here; checking again keeps that promise should a
    // route ever match more loosely (test URLs, proxies rewriting paths).
    if (secret !== '' && !pathCarriesSecret(requestPath(this), secret, suffixOf(this))) {
      send(this, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' });
      return { noWebhookResponse: true };
    }
    if (this.getNodeParameter('restrictIps', false) as boolean) {
      let ranges: string[];
      try {
        ranges = [
          ...PUSH_SOURCE_RANGES[marketplace],
          ...parseRanges(String(this.getNodeParameter('extraIps', '') ?? '')),
        ];
      } catch (error) {
        send(this, refusal(marketplace, 500, (error as Error).message));
        return { noWebhookResponse: true };
      }
      const ip = sourceIp(this);
      if (!ipAllowed(ip, ranges)) {
        send(
          this,
          refusal(
            marketplace,
            403,
            `SellerChat: ${ip ?? 'an unknown address'} is not an allowed source of ${MARKETPLACE_NAMES[marketplace]} notifications`,
          ),
        );
        return { noWebhookResponse: true };
      }
    }
    const get = (name: string, fallback: unknown) => this.getNodeParameter(name, fallback) as unknown;
    let result: PushResult;
    let account: string;
    const staticData = this.getWorkflowStaticData('node');
    try {
      const client = await connect(this, marketplace);
      const credentials = (await this.getCredentials(CREDENTIAL_TYPES[marketplace])) as IDataObject;
      account = accountKey(marketplace, credentials);
      const request: PushRequest = {
        headers: this.getHeaderData() as PushRequest['headers'],
        body: rawBody(this),
      };
      result = await handlePush(marketplace, client, readStored(staticData, account), request, {
        ...watcherOptions(get),
        clock: n8nRuntime.clock,
        name: NAME,
        version: VERSION,
      });
    } catch (error) {
      // A broken setup (credentials, options) still answers in the protocol: a 500 makes the
      // marketplace send the notification again once it is fixed. Core errors carry no secrets.
      const nodeError = toNodeError(this.getNode(), error);
      this.logger.error(`SellerChat Push Trigger: ${nodeError.message}`, { node: this.getNode().name });
      send(
        this,
        refusal(marketplace, 500, `SellerChat could not process the notification: ${nodeError.message}`),
      );
      return { noWebhookResponse: true };
    }
    send(this, result.response);
    if (result.state) writeStored(staticData, account, result.state);
    if (result.events.length === 0) return { noWebhookResponse: true };
    return {
      noWebhookResponse: true,
      workflowData: [result.events.map((event) => ({ json: toJson(event) }))],
    };
  }
}

/** Runs a first poll ("from now": it emits nothing) when this account has no saved position yet. */
async function anchorWatcher(fn: IHookFunctions, staticData: IDataObject): Promise<void> {
  const marketplace = fn.getNodeParameter('marketplace', 'yandex') as PushMarketplace;
  if (!PUSH_MARKETPLACES.includes(marketplace)) return;
  const credentials = (await fn.getCredentials(CREDENTIAL_TYPES[marketplace])) as IDataObject;
  const account = accountKey(marketplace, credentials);
  if (readStored(staticData, account)) return;
  const get = (name: string, fallback: unknown) => fn.getNodeParameter(name, fallback) as unknown;
  try {
    const client = await connect(fn, marketplace);
    const { state } = await poll(client, undefined, { ...watcherOptions(get), firstRun: 'now' });
    writeStored(staticData, account, state);
  } catch (error) {
    throw toNodeError(fn.getNode(), error);
  }
}

function marketplaceCredentialsForPush() {
  return PUSH_MARKETPLACES.map((m) => ({
    name: CREDENTIAL_TYPES[m],
    required: true,
    displayOptions: { show: { marketplace: [m] } },
  }));
}
