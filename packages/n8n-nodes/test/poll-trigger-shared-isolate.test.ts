import { MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import { ErrorReporter, PollContext, PollTriggerExecutor, Tracing, TriggersAndPollers } from 'n8n-core';
import { Expression, type INode, type INodeExecutionData, Workflow } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdditionalData } from './harness/additional-data.js';
import { createCredentialsHelper } from './harness/credentials-helper.js';
import { buildNode, type CredentialStore } from './harness/engine.js';
import { nodeTypes, TYPES } from './harness/node-types.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

/*
 * n8n 2.x evaluates expressions in a pooled isolate that belongs to the workflow, and its poll
 * executor releases that isolate when *any* of the workflow's poll triggers finishes, even one
 * that found it already held. Another SellerChat Trigger in the same workflow that is still
 * polling then fails on its next expression ("No bridge acquired for this context"). This runs
 * n8n's own executor on n8n's own expression engine to prove our polls evaluate no expression
 * once they have started (CI caught it in examples/n8n/auto-reply-business-hours.json).
 */

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox(3);
  await Expression.initExpressionEngine({
    engine: 'vm',
    poolSize: 1,
    maxCodeCacheSize: 64,
    bridgeTimeout: 5_000,
    bridgeMemoryLimit: 64,
  });
});
afterAll(async () => {
  await Expression.disposeExpressionEngine();
  await sandbox.close();
});

const quietLogger = {
  scoped: () => quietLogger,
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

interface Trigger {
  marketplace: MarketplaceId;
  node: INode;
  emitted: INodeExecutionData[][][];
}

function trigger(marketplace: MarketplaceId, credentials: CredentialStore): Trigger {
  const node = {
    ...buildNode({
      type: TYPES.poll,
      name: `SellerChat Trigger ${marketplace}`,
      parameters: { marketplace, event: 'messages' },
      credentials,
    }),
    id: `trigger-${marketplace}`,
  };
  return { marketplace, node, emitted: [] };
}

describe('four SellerChat Triggers in one workflow under n8n’s poll executor', () => {
  it('the slower polls still authenticate after the faster one released the workflow isolate', async () => {
    const triggers = MARKETPLACES.map((marketplace) =>
      trigger(marketplace, sandboxCredentials(sandbox, marketplace)),
    );
    const credentials = Object.assign({}, ...triggers.map((t) => sandboxCredentials(sandbox, t.marketplace)));
    const staticData = {};
    const workflow = new Workflow({
      id: 'shared-isolate',
      name: 'four triggers',
      nodes: triggers.map((t) => t.node),
      connections: {},
      active: true,
      nodeTypes,
      staticData,
      settings: { executionOrder: 'v1' },
    });
    const data = { id: workflow.id, name: workflow.name, nodes: workflow.nodes, staticData } as never;
    const executor = new PollTriggerExecutor(
      quietLogger as never,
      new TriggersAndPollers(),
      new Tracing(),
      new ErrorReporter(quietLogger as never, new Tracing()),
    );
    // One logger serves every context, so the errors of all four triggers land in one list.
    const errors: string[] = [];
    const polls = triggers.map((t) => {
      const context = new PollContext(
        workflow,
        t.node,
        createAdditionalData(createCredentialsHelper(credentials), data),
        'trigger',
        'activate',
        (items) => t.emitted.push(items),
        (error) => errors.push(error.message),
      );
      vi.spyOn(context.logger, 'error').mockImplementation((message: string) => {
        errors.push(message);
      });
      return executor.create(workflow, t.node, context, () => true);
    });

    await Promise.all(polls.map((poll) => poll())); // first polls start from now
    for (const t of triggers) {
      const chatId = sandbox.control.threads(t.marketplace)[0]!.chatId;
      sandbox.control.buyerWrite(t.marketplace, { chatId, text: `hello ${t.marketplace}` });
    }
    // Metro answers at once; the others' first answers come late, so Metro's poll ends (and
    // releases the isolate) before their next requests authenticate.
    for (const marketplace of MARKETPLACES.filter((m) => m !== 'metro'))
      sandbox.control.addFault({ marketplace, kind: 'latency', ms: 1_500, times: 1 });
    await Promise.all(polls.map((poll) => poll()));

    expect(errors).toEqual([]);
    for (const t of triggers) {
      const texts = t.emitted.flatMap((run) => run[0] ?? []).map((item) => item.json.message);
      expect(texts, t.marketplace).toEqual([expect.objectContaining({ text: `hello ${t.marketplace}` })]);
    }
  });
});
