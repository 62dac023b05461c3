import { WorkflowExecute } from 'n8n-core';
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
import { createCredentialsHelper } from './credentials-helper.js';
import { type CredentialTypeName, nodeTypes, TYPES } from './node-types.js';

export type CredentialStore = Partial<Record<CredentialTypeName, ICredentialDataDecryptedObject>>;

export interface NodeSpec {
  type?: string;
  name?: string;
  parameters: INodeParameters;
  credentials: CredentialStore;
  continueOnFail?: boolean;
  staticData?: IDataObject;
}

export function buildNode(spec: NodeSpec): INode {
  return {
    id: 'node-1',
    name: spec.name ?? 'SellerChat',
    type: spec.type ?? TYPES.action,
    typeVersion: 1,
    position: [0, 0],
    parameters: spec.parameters,
    credentials: Object.fromEntries(
      Object.keys(spec.credentials).map((type) => [type, { id: `cred-${type}`, name: `Test ${type}` }]),
    ),
    ...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
  };
}

export function buildWorkflow(
  node: INode,
  staticData: IDataObject = {},
): { workflow: Workflow; data: IWorkflowBase } {
  const data = {
    id: 'test-workflow',
    name: 'SellerChat test',
    active: false,
    isArchived: false,
    nodes: [node],
    connections: {},
    settings: { executionOrder: 'v1' },
    staticData,
    createdAt: new Date(),
    updatedAt: new Date(),
  } as unknown as IWorkflowBase;
  const workflow = new Workflow({
    id: data.id,
    name: data.name,
    nodes: data.nodes,
    connections: data.connections,
    active: false,
    nodeTypes,
    staticData,
    settings: data.settings,
  });
  return { workflow, data };
}

/** The static data as n8n would store it after a run, or undefined when the node left it unchanged. */
export function changedStaticData(workflow: Workflow): string | undefined {
  if (workflow.staticData.__dataChanged !== true) return undefined;
  return JSON.stringify(workflow.staticData, (key, value) => (key === '__dataChanged' ? undefined : value));
}

export interface NodeRun {
  /** The node's first output, or undefined when it failed. */
  items?: INodeExecutionData[];
  error?: Error & { description?: string; httpCode?: string | null };
  run: IRun;
}

/**
 * Runs one node inside n8n's real execution engine: WorkflowExecute takes the node from the
 * execution stack with `input` as its main input, exactly as when a previous node handed it on.
 */
export async function runNode(
  spec: NodeSpec,
  input: INodeExecutionData[] = [{ json: {} }],
  mode: WorkflowExecuteMode = 'manual',
): Promise<NodeRun> {
  const node = buildNode(spec);
  const { workflow, data } = buildWorkflow(node, spec.staticData);
  const additionalData = createAdditionalData(createCredentialsHelper(spec.credentials), data);
  const runExecutionData = createRunExecutionData({
    executionData: {
      nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
    },
  });
  const execution = new WorkflowExecute(additionalData, mode, runExecutionData);
  const run = await execution.processRunExecutionData(workflow);
  const task = run.data.resultData.runData[node.name]?.[0];
  const error = (task?.error ?? run.data.resultData.error) as NodeRun['error'];
  return { items: task?.data?.main?.[0] ?? undefined, error, run };
}
