import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
  IDataObject,
  IHttpRequestMethods,
  IRun,
  IWebhookData,
  IWorkflowExecuteAdditionalData,
  Workflow,
} from 'n8n-workflow';
import { isNodeClassInstance } from 'n8n-workflow';
import { nodeTypes } from './node-types.js';

/**
 * The part of n8n's waiting-webhook route that neither n8n-core nor the Wait node holds. The route
 * (WaitingWebhooks) lives only in the `n8n` server package and cannot run outside it: it reads the
 * execution through the server's database repositories and dependency-injection container. It loads the waiting execution from its database, matches the request to the waiting
 * node's restart webhook, lets that node's own `webhook()` turn the request into items, puts them
 * on the execution stack and hands the execution back to WorkflowExecute. Everything after the
 * lookup is n8n's code here too: the Wait node's `webhook()` (n8n-nodes-base) builds the items, and
 * WorkflowExecute's waiting-state handling disables the Wait node and drops its first run.
 * Left out: the database (the test holds the run), the resume-token signature check and the
 * server's body parsers beyond JSON.
 */
export async function resumeThroughWaitingWebhook(
  workflow: Workflow,
  run: IRun,
  additionalData: (extra: Record<string, unknown>) => IWorkflowExecuteAdditionalData,
  body: IDataObject,
): Promise<IRun> {
  if (!run.waitTill) throw new Error('the execution is not waiting');
  const { executionId } = additionalData({});
  if (!executionId) throw new Error('the execution has no id');
  let finished: Promise<IRun> | undefined;
  const server = createServer((req, res) => {
    finished = serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
      throw error;
    });
    finished.catch(() => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook-waiting/${executionId}`;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<IRun> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const contentType = req.headers['content-type']?.split(';')[0];
    const parsed = contentType === 'application/json' && rawBody.length > 0;
    const request = Object.assign(req, {
      body: parsed ? (JSON.parse(rawBody.toString('utf8')) as IDataObject) : {},
      rawBody,
      contentType,
      params: { path: executionId },
      query: Object.fromEntries(new URL(req.url ?? '/', url).searchParams),
      ip: req.socket.remoteAddress,
      ips: [],
    });

    const nodeName = run.data.resultData.lastNodeExecuted;
    const node = nodeName ? workflow.getNode(nodeName) : null;
    if (!node) throw new Error('the waiting execution names no node that waits');
    const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
    const description = nodeType.description.webhooks?.find((w) => {
      if (w.restartWebhook !== true || w.nodeType === 'form') return false;
      const method = workflow.expression.getSimpleParameterValue(
        node,
        w.httpMethod,
        'webhook',
        {},
        undefined,
        'GET',
      );
      const path = workflow.expression.getSimpleParameterValue(node, w.path, 'webhook', {}, undefined, '');
      return method === req.method && path === '';
    });
    if (!description) throw new Error(`${node.name} has no ${req.method} restart webhook`);
    const data = additionalData({ httpRequest: request, httpResponse: res });
    const webhookData: IWebhookData = {
      httpMethod: req.method as IHttpRequestMethods,
      node: node.name,
      path: '',
      webhookDescription: description,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: data,
    };
    const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], run.data);
    // Class-style nodes (the Wait node is one) take the context as an argument, as in WorkflowExecute.
    const result = isNodeClassInstance(nodeType)
      ? await nodeType.webhook!(context)
      : await nodeType.webhook!.call(context);
    if (!res.writableEnded) res.end(JSON.stringify({ message: 'Workflow was started' }));
    const stack = run.data.executionData?.nodeExecutionStack;
    if (!result.workflowData || !stack?.[0]) throw new Error(`${node.name} did not resume the execution`);
    stack[0].data.main = result.workflowData;
    return new WorkflowExecute(data, 'webhook', run.data).processRunExecutionData(workflow);
  }

  try {
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await answer.text();
    if (!finished) throw new Error('the waiting-webhook route got no request');
    return await finished;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
