import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';
import { vi } from 'vitest';
import { createAdditionalData } from './additional-data.js';
import { createCredentialsHelper } from './credentials-helper.js';
import { buildNode, buildWorkflow, type CredentialStore, changedStaticData } from './engine.js';
import { nodeTypeOf, TYPES } from './node-types.js';

export interface PollOutcome {
  result: INodeExecutionData[][] | null;
  errors: string[];
}

/**
 * Drives the polling trigger as n8n's active-workflow manager does: every poll builds the
 * workflow from the stored static data (as after loading it from the database), runs `poll()`
 * in a real PollContext, and stores the static data again only when the node changed it.
 * A new driver over the same `saved` data is a restart.
 */
export class PollDriver {
  saved: string;

  constructor(
    private readonly parameters: INodeParameters,
    private readonly credentials: CredentialStore,
    saved = '{}',
  ) {
    this.saved = saved;
  }

  async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<PollOutcome> {
    const node = buildNode({
      type: TYPES.poll,
      name: 'SellerChat Trigger',
      parameters: this.parameters,
      credentials: this.credentials,
    });
    const { workflow, data } = buildWorkflow(node, JSON.parse(this.saved) as IDataObject);
    const additionalData = createAdditionalData(createCredentialsHelper(this.credentials), data);
    const context = new PollContext(
      workflow,
      node,
      additionalData,
      mode,
      mode === 'manual' ? 'manual' : 'activate',
    );
    const errors: string[] = [];
    vi.spyOn(context.logger, 'error').mockImplementation((message: string) => {
      errors.push(message);
    });
    const nodeType = nodeTypeOf(TYPES.poll);
    const result = (await nodeType.poll!.call(context)) ?? null;
    this.saved = changedStaticData(workflow) ?? this.saved;
    return { result, errors };
  }

  /** The trigger's part of the saved static data. */
  state(): IDataObject | undefined {
    return (JSON.parse(this.saved) as Record<string, IDataObject>)['node:SellerChat Trigger'];
  }
}
