import { ExecutionLifecycleHooks } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowBase, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

/**
 * The engine's per-execution services. Unknown keys read as undefined, as in a real run with
 * those features off; a stand-in function there would switch features on (e.g. a truthy
 * encryptedRunnerIdentity makes the engine try to decrypt it).
 */
export function createAdditionalData(
  credentialsHelper: ICredentialsHelper,
  workflowData: IWorkflowBase,
  extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
  const known: Record<string, unknown> = {
    hooks: new ExecutionLifecycleHooks('manual', 'test-execution', workflowData),
    executionId: 'test-execution',
    credentialsHelper,
    restApiUrl: 'http://127.0.0.1/rest',
    instanceBaseUrl: 'http://127.0.0.1/',
    webhookBaseUrl: 'http://127.0.0.1/webhook',
    webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
    webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
    formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
    variables: {},
    userId: 'test-user',
    currentNodeParameters: undefined,
    ...extra,
  };
  return new Proxy(known, {
    get: (target, key) => (typeof key === 'string' ? target[key] : undefined),
  }) as unknown as IWorkflowExecuteAdditionalData;
}
