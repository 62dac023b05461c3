// One auto-reply workflow in n8n's real engine: a SellerChat trigger (polling or push) and the
// SellerChat node answering in the same chat. Static data lives in the Workflow object across
// polls, as with an active workflow; each execution is a WorkflowExecute of its own.
import type { MarketplaceId } from '@sellerchat/core';
import { PollContext, WorkflowExecute } from 'n8n-core';
import type { INode, INodeExecutionData, IRun, IWorkflowBase } from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { createAdditionalData } from '../../test/harness/additional-data.js';
import { createCredentialsHelper } from '../../test/harness/credentials-helper.js';
import type { CredentialStore } from '../../test/harness/engine.js';
import { nodeTypes, TYPES } from '../../test/harness/node-types.js';
import { CREDENTIAL_TYPE } from '../../test/support/sandbox.js';

export const TRIGGER = { poll: 'SellerChat Trigger', push: 'SellerChat Push Trigger' } as const;

export class AutoReplyWorkflow {
  readonly workflow: Workflow;
  readonly trigger: INode;
  private readonly data: IWorkflowBase;

  constructor(
    marketplace: MarketplaceId,
    path: 'poll' | 'push',
    private readonly credentials: CredentialStore,
  ) {
    const credential = { [CREDENTIAL_TYPE[marketplace]]: { id: `cred-${marketplace}`, name: marketplace } };
    this.trigger = {
      id: 'trigger',
      name: TRIGGER[path],
      type: path === 'poll' ? TYPES.poll : TYPES.push,
      typeVersion: 1,
      position: [0, 0],
      parameters:
        path === 'poll'
          ? {
              marketplace,
              event: 'messages',
              firstRun: 'now',
              pollTimes: { item: [{ mode: 'everyMinute' }] },
            }
          : { marketplace, event: 'messages' },
      credentials: credential,
      ...(path === 'push' ? { webhookId: 'c0ffee00-0000-4000-8000-000000000001' } : {}),
    };
    const reply: INode = {
      id: 'reply',
      name: 'Reply',
      type: TYPES.action,
      typeVersion: 1,
      position: [300, 0],
      parameters: {
        marketplace,
        resource: 'message',
        operation: 'send',
        chatId: '={{ $json.reply.chatId }}',
        text: "={{ 're: ' + $json.message.text }}",
      },
      credentials: credential,
    };
    const connections = {
      [this.trigger.name]: { main: [[{ node: 'Reply', type: 'main' as const, index: 0 }]] },
    };
    this.data = {
      id: `bench-${marketplace}`,
      name: `Auto-reply ${marketplace}`,
      active: true,
      isArchived: false,
      nodes: [this.trigger, reply],
      connections,
      settings: { executionOrder: 'v1' },
      staticData: {},
      createdAt: new Date(),
      updatedAt: new Date(),
    } as unknown as IWorkflowBase;
    this.workflow = new Workflow({
      id: this.data.id,
      name: this.data.name,
      nodes: this.data.nodes,
      connections,
      active: true,
      nodeTypes,
      staticData: {},
      settings: this.data.settings,
    });
  }

  private additionalData() {
    return createAdditionalData(createCredentialsHelper(this.credentials), this.data);
  }

  /** One poll, as the active-workflow manager runs it at each tick. */
  async poll(): Promise<INodeExecutionData[] | undefined> {
    const context = new PollContext(
      this.workflow,
      this.trigger,
      this.additionalData(),
      'trigger',
      'activate',
    );
    const result = await nodeTypes.getByNameAndVersion(this.trigger.type, 1).poll!.call(context);
    return result?.[0];
  }

  /** The execution a trigger starts with its items. */
  run(items: INodeExecutionData[]): Promise<IRun> {
    const runExecutionData = createRunExecutionData({
      executionData: { nodeExecutionStack: [{ node: this.trigger, data: { main: [items] }, source: null }] },
    });
    return new WorkflowExecute(this.additionalData(), 'trigger', runExecutionData).processRunExecutionData(
      this.workflow,
    );
  }
}
