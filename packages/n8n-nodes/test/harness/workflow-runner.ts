import { readFileSync } from 'node:fs';
import { PollContext, WorkflowExecute } from 'n8n-core';
import type {
  ICredentialDataDecryptedObject,
  IDataObject,
  INode,
  INodeExecutionData,
  INodeParameters,
  IRun,
  IWorkflowBase,
  WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { createAdditionalData } from './additional-data.js';
import { BASE_NODES } from './base-nodes.js';
import { createCredentialsHelper } from './credentials-helper.js';
import { nodeTypes, registerNodeType } from './node-types.js';
import { resumeThroughWaitingWebhook } from './waiting-webhook.js';

for (const [type, nodeType] of Object.entries(BASE_NODES)) registerNodeType(type, nodeType);

/** Decrypted credential values by credential type, as the user entered them. */
export type WorkflowCredentials = Record<string, ICredentialDataDecryptedObject>;

interface WorkflowFile {
  name: string;
  nodes: INode[];
  connections: IWorkflowBase['connections'];
  settings?: IDataObject;
}

/**
 * One imported workflow: the file's nodes and connections in a real n8n Workflow, with the
 * parameters the test sets per node name (as a user fills in URLs after importing). Static data
 * lives in the Workflow object across runs, as with an active workflow.
 */
export class ImportedWorkflow {
  readonly workflow: Workflow;
  private readonly data: IWorkflowBase;

  constructor(
    file: string,
    private readonly credentials: WorkflowCredentials,
    parameters: Record<string, INodeParameters> = {},
  ) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as WorkflowFile;
    for (const name of Object.keys(parameters)) {
      if (!json.nodes.some((n) => n.name === name)) throw new Error(`${file} has no node named "${name}"`);
    }
    const nodes = json.nodes.map((n) => ({ ...n, parameters: { ...n.parameters, ...parameters[n.name] } }));
    this.data = {
      id: 'example-workflow',
      name: json.name,
      active: true,
      isArchived: false,
      nodes,
      connections: json.connections,
      settings: json.settings ?? {},
      staticData: {},
      createdAt: new Date(),
      updatedAt: new Date(),
    } as unknown as IWorkflowBase;
    this.workflow = new Workflow({
      id: this.data.id,
      name: json.name,
      nodes,
      connections: json.connections,
      active: true,
      nodeTypes,
      staticData: {},
      settings: this.data.settings,
    });
  }

  private additionalData(extra: Record<string, unknown> = {}) {
    const store = this.credentials as Parameters<typeof createCredentialsHelper>[0];
    return createAdditionalData(createCredentialsHelper(store), this.data, extra);
  }

  node(name: string): INode {
    const node = this.workflow.getNode(name);
    if (!node) throw new Error(`no node named "${name}"`);
    return node;
  }

  /** One poll of a polling trigger, as the active-workflow manager runs it. */
  async poll(triggerName: string): Promise<INodeExecutionData[] | undefined> {
    const node = this.node(triggerName);
    const context = new PollContext(this.workflow, node, this.additionalData(), 'trigger', 'activate');
    const result = await nodeTypes.getByNameAndVersion(node.type, node.typeVersion).poll!.call(context);
    return result?.[0];
  }

  /** An execution started by a trigger with its items, as n8n runs it after the trigger fired. */
  async runFrom(
    triggerName: string,
    items: INodeExecutionData[],
    mode: WorkflowExecuteMode = 'trigger',
  ): Promise<IRun> {
    const runExecutionData = createRunExecutionData({
      executionData: {
        nodeExecutionStack: [{ node: this.node(triggerName), data: { main: [items] }, source: null }],
      },
    });
    return new WorkflowExecute(this.additionalData(), mode, runExecutionData).processRunExecutionData(
      this.workflow,
    );
  }

  /** Resumes a waiting execution with a JSON POST to its resume URL, as a user of the workflow does. */
  async resume(run: IRun, body: IDataObject): Promise<IRun> {
    return resumeThroughWaitingWebhook(this.workflow, run, (extra) => this.additionalData(extra), body);
  }
}

/** The items a node produced in a run (first output unless told), or [] when it did not run. */
export function outputOf(run: IRun, nodeName: string, output = 0): INodeExecutionData[] {
  const tasks = run.data.resultData.runData[nodeName] ?? [];
  return tasks.flatMap((t) => t.data?.main?.[output] ?? []);
}

export function runError(run: IRun): string | undefined {
  return run.data.resultData.error?.message;
}
