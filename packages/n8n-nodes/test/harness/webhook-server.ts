import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
  IDataObject,
  INode,
  INodeExecutionData,
  INodeParameters,
  IWebhookData,
  IWebhookDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { createAdditionalData } from './additional-data.js';
import { createCredentialsHelper } from './credentials-helper.js';
import { buildNode, buildWorkflow, type CredentialStore, changedStaticData } from './engine.js';
import { nodeTypeOf, TYPES } from './node-types.js';

const NODE_NAME = 'SellerChat Push Trigger';
const WEBHOOK_ID = 'c0ffee00-0000-4000-8000-000000000001';

export interface Delivery {
  path: string;
  status: number;
  /** The executions the trigger started: one list of items per notification that had events. */
  emitted: INodeExecutionData[] | undefined;
}

/**
 * Serves the push trigger's webhooks on a real HTTP server on 127.0.0.1, as n8n's webhook
 * server does: the body is parsed as JSON with the raw bytes kept (`rawBody`), the request and
 * response objects go to a real WebhookContext, and the static data is saved after each call.
 * `sourceIp` stands in for the address n8n reads from the socket or, behind a proxy, from
 * X-Forwarded-For (Express's req.ip).
 */
export class PushTriggerServer {
  saved = '{}';
  deliveries: Delivery[] = [];
  sourceIp = '127.0.0.1';
  url = '';
  /** Paths answered 404 because no registered webhook matched (the node never ran). */
  refused: string[] = [];
  private server: Server | undefined;

  constructor(
    private parameters: INodeParameters,
    private readonly credentials: CredentialStore,
  ) {}

  setParameters(parameters: INodeParameters): void {
    this.parameters = parameters;
  }

  private node(): INode {
    return {
      ...buildNode({
        type: TYPES.push,
        name: NODE_NAME,
        parameters: this.parameters,
        credentials: this.credentials,
      }),
      webhookId: WEBHOOK_ID,
    };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error instanceof Error ? error.stack : error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())));
  }

  /**
   * The production URL n8n shows for a webhook (the editor's "Production URL"), resolved by n8n's
   * own code, expressions in the path (the secret segment) included.
   */
  webhookUrl(name: 'default' | 'setup' = 'default'): string {
    const node = this.node();
    const { workflow, data } = buildWorkflow(node, JSON.parse(this.saved) as IDataObject);
    const additionalData = createAdditionalData(createCredentialsHelper(this.credentials), data, {
      webhookBaseUrl: `${this.url}/webhook`,
    });
    const description = nodeTypeOf(TYPES.push).description.webhooks!.find((w) => w.name === name)!;
    const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', {
      httpMethod: 'POST',
      node: NODE_NAME,
      path: description.path,
      webhookDescription: description,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: additionalData,
      webhookId: WEBHOOK_ID,
    });
    return context.getNodeWebhookUrl(name)!;
  }

  /**
   * The paths n8n registers for the node's webhooks: each description's path evaluated for this
   * node (as the CLI's getWorkflowWebhooks does), prefixed with the webhook id.
   */
  registeredPaths(): { description: IWebhookDescription; path: string }[] {
    const node = this.node();
    const { workflow } = buildWorkflow(node, JSON.parse(this.saved) as IDataObject);
    return nodeTypeOf(TYPES.push).description.webhooks!.map((description) => {
      const path = workflow.expression.getSimpleParameterValue(node, description.path, 'webhook', {});
      return {
        description,
        path: `/webhook/${NodeHelpers.getNodeWebhookPath(workflow.id, node, String(path), false)}`,
      };
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    let body: unknown = {};
    try {
      body = rawBody.length > 0 ? JSON.parse(rawBody.toString('utf8')) : {};
    } catch {
      body = {};
    }
    const path = new URL(req.url ?? '/', this.url).pathname;
    const node = this.node();
    const nodeType = nodeTypeOf(TYPES.push);
    // n8n looks the exact path up among the registered ones and answers 404 when none matches.
    const description = this.registeredPaths().find((w) => w.path === path)?.description;
    if (!description) {
      this.refused.push(path);
      res.statusCode = 404;
      res.end('unknown webhook');
      return;
    }
    const { workflow, data } = buildWorkflow(node, JSON.parse(this.saved) as IDataObject);
    const request = Object.assign(req, { body, rawBody, ip: this.sourceIp });
    const additionalData = createAdditionalData(createCredentialsHelper(this.credentials), data, {
      httpRequest: request,
      httpResponse: res,
      webhookBaseUrl: `${this.url}/webhook`,
    });
    const webhookData: IWebhookData = {
      httpMethod: 'POST',
      node: NODE_NAME,
      path: description.path,
      webhookDescription: description,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: additionalData,
      webhookId: WEBHOOK_ID,
    };
    const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
    const result = await nodeType.webhook!.call(context);
    this.saved = changedStaticData(workflow) ?? this.saved;
    if (!result.noWebhookResponse && !res.writableEnded) {
      res.statusCode = 200;
      res.end('{"message":"Workflow was started"}');
    }
    const emitted = result.workflowData?.[0];
    this.deliveries.push({ path, status: res.statusCode, emitted });
  }

  /** Runs one of the node's webhookMethods in a real HookContext, as activation does. */
  async lifecycle(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
    const node = this.node();
    const { workflow, data } = buildWorkflow(node, JSON.parse(this.saved) as IDataObject);
    const additionalData = createAdditionalData(createCredentialsHelper(this.credentials), data, {
      webhookBaseUrl: `${this.url}/webhook`,
    });
    const description = nodeTypeOf(TYPES.push).description.webhooks!.find((w) => w.name === 'default')!;
    const webhookData: IWebhookData = {
      httpMethod: 'POST',
      node: NODE_NAME,
      path: description.path,
      webhookDescription: description,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: additionalData,
      webhookId: WEBHOOK_ID,
    };
    const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
    const nodeType = nodeTypeOf(TYPES.push);
    const outcome = await nodeType.webhookMethods!.default![method]!.call(context);
    this.saved = changedStaticData(workflow) ?? this.saved;
    return outcome;
  }
}
