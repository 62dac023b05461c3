// A process that hosts the built SellerChat nodes the way n8n runs an active polling workflow, for
// the restart test to kill. Usage: node restart-host.mjs <config.json>
//
// Per marketplace one workflow: SellerChat Trigger → HTTP Request (n8n-nodes-base, posts the event
// to the test's recorder) → SellerChat (sends the reply). Every `intervalMs` the trigger's poll()
// runs in n8n-core's real PollContext; when it changed the workflow's static data, the data is
// saved durably (temp file, fsync, rename) BEFORE the execution starts — n8n's trigger context
// calls saveStaticData in its emit before runWorkflow — and the execution runs in n8n-core's
// WorkflowExecute. The glue (credentials helper, additional data) mirrors test/harness, which is
// TypeScript and so cannot be loaded by a plain child process; the nodes are the built dist/.
// Prints "READY" once every workflow polls. Errors (failed polls, failed executions) are posted to
// the recorder's /error. Listens on nothing; talks to 127.0.0.1 only.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { ExecutionLifecycleHooks, PollContext, WorkflowExecute } = require('n8n-core');
const { createRunExecutionData, NodeHelpers, Workflow } = require('n8n-workflow');

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const DIST = new URL('../../dist/', import.meta.url).pathname;

const CREDENTIAL_CLASSES = Object.fromEntries(
  ['Metro', 'Yandex', 'Ozon', 'Storeden'].map((m) => {
    const name = `SellerChat${m}Api`;
    const Class = require(join(DIST, 'credentials', `${name}.credentials.js`))[name];
    return [`sellerChat${m}Api`, new Class()];
  }),
);

function baseNode(className) {
  const root = dirname(require.resolve('n8n-nodes-base/package.json'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const file = manifest.n8n.nodes.find((f) => basename(f, '.node.js') === className);
  return new (require(join(root, file))[className])();
}

const registry = {
  'n8n-nodes-sellerchat.sellerChat': new (require(
    join(DIST, 'nodes/SellerChat/SellerChat.node.js'),
  ).SellerChat)(),
  'n8n-nodes-sellerchat.sellerChatTrigger': new (require(
    join(DIST, 'nodes/SellerChatTrigger/SellerChatTrigger.node.js'),
  ).SellerChatTrigger)(),
  'n8n-nodes-base.httpRequest': baseNode('HttpRequest'),
};
const nodeTypes = {
  getByName: (type) => registry[type],
  getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(registry[type], version),
  getKnownTypes: () => ({}),
};

function reportError(message) {
  return fetch(`${config.recorderUrl}/error`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
  }).catch(() => {});
}

/** As n8n's CredentialsHelper: a function `authenticate` is called, a generic one is resolved and merged. */
function credentialsHelper(store) {
  return {
    getParentTypes: () => [],
    isCredentialUsableByNode: () => true,
    authenticate: async (credentials, typeName, requestOptions, workflow, node) => {
      const type = CREDENTIAL_CLASSES[typeName];
      const auth = type.authenticate;
      if (typeof auth === 'function') return auth.call(type, credentials, requestOptions);
      if (auth?.type !== 'generic') return requestOptions;
      const out = { ...requestOptions };
      for (const [part, values] of Object.entries(auth.properties)) {
        const target = { ...(out[part] ?? {}) };
        for (const [key, value] of Object.entries(values)) {
          target[key] =
            typeof value === 'string' && value.startsWith('=')
              ? workflow.expression.getSimpleParameterValue(node, value, 'internal', {
                  $credentials: credentials,
                })
              : value;
        }
        out[part] = target;
      }
      return out;
    },
    preAuthentication: async () => undefined,
    runPreAuthentication: async () => undefined,
    getDecrypted: async (_data, _details, type) => ({ ...store[type] }),
    updateCredentials: async () => undefined,
    updateCredentialsOauthTokenData: async () => undefined,
    getCredentialsProperties: (type) => CREDENTIAL_CLASSES[type]?.properties ?? [],
  };
}

let executions = 0;
function additionalData(helper, workflowData) {
  const executionId = String(++executions);
  const known = {
    hooks: new ExecutionLifecycleHooks('trigger', executionId, workflowData),
    executionId,
    credentialsHelper: helper,
    restApiUrl: 'http://127.0.0.1/rest',
    instanceBaseUrl: 'http://127.0.0.1/',
    webhookBaseUrl: 'http://127.0.0.1/webhook',
    webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
    webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
    formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
    variables: {},
    userId: 'restart-test',
  };
  return new Proxy(known, { get: (target, key) => (typeof key === 'string' ? target[key] : undefined) });
}

/** The workflow's static data as n8n stores it: written whole, synced, then renamed over the old file. */
function saveDurably(file, staticData) {
  const json = JSON.stringify(staticData, (key, value) => (key === '__dataChanged' ? undefined : value));
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, json);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

// The test's reply template around the id of the buyer message, as an n8n expression.
const replyText = config.replyTemplate
  .split('{messageId}')
  .map((part) => JSON.stringify(part))
  .join(' + $json.messageId + ');

function workflowFor(marketplace) {
  const credentialType = config.credentialTypes[marketplace];
  const credentials = { [credentialType]: { id: `cred-${marketplace}`, name: `${marketplace} sandbox` } };
  const nodes = [
    {
      id: 'trigger',
      name: 'Trigger',
      type: 'n8n-nodes-sellerchat.sellerChatTrigger',
      typeVersion: 1,
      position: [0, 0],
      parameters: { marketplace, event: 'messages', firstRun: 'now', options: config.triggerOptions },
      credentials,
    },
    {
      id: 'record',
      name: 'Record',
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: 4.2,
      position: [200, 0],
      parameters: {
        method: 'POST',
        url: `${config.recorderUrl}/event`,
        sendBody: true,
        specifyBody: 'json',
        jsonBody:
          '={{ JSON.stringify({ eventId: $json.id, messageId: $json.message.id, chatId: $json.reply.chatId, marketplace: $json.marketplace, redelivered: $json.redelivered }) }}',
        options: {},
      },
    },
    {
      id: 'reply',
      name: 'Reply',
      type: 'n8n-nodes-sellerchat.sellerChat',
      typeVersion: 1,
      position: [400, 0],
      // The recorder echoes the event, so the reply context is the HTTP Request's output.
      parameters: {
        marketplace,
        resource: 'message',
        operation: 'send',
        chatId: '={{ $json.chatId }}',
        text: `={{ ${replyText} }}`,
      },
      credentials,
    },
  ];
  const connections = {
    Trigger: { main: [[{ node: 'Record', type: 'main', index: 0 }]] },
    Record: { main: [[{ node: 'Reply', type: 'main', index: 0 }]] },
  };
  const stateFile = join(config.stateDir, `${marketplace}.json`);
  const staticData = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : {};
  const data = {
    id: `restart-${marketplace}`,
    name: `restart ${marketplace}`,
    active: true,
    isArchived: false,
    nodes,
    connections,
    settings: { executionOrder: 'v1' },
    staticData,
  };
  const workflow = new Workflow({ ...data, nodeTypes, staticData });
  const helper = credentialsHelper(config.credentials[marketplace]);
  return { marketplace, workflow, data, helper, stateFile };
}

async function pollOnce(w) {
  const trigger = w.workflow.getNode('Trigger');
  const context = new PollContext(
    w.workflow,
    trigger,
    additionalData(w.helper, w.data),
    'trigger',
    'activate',
  );
  // The trigger logs a failed poll and returns null, as n8n expects of a poll that must not deactivate.
  context.logger.error = (message) => void reportError(`${w.marketplace} poll: ${message}`);
  const nodeType = nodeTypes.getByNameAndVersion(trigger.type, trigger.typeVersion);
  const result = await nodeType.poll.call(context);
  if (w.workflow.staticData.__dataChanged === true) {
    saveDurably(w.stateFile, w.workflow.staticData);
    w.workflow.staticData.__dataChanged = false;
  }
  if (!result) return;
  const runData = createRunExecutionData({
    executionData: { nodeExecutionStack: [{ node: trigger, data: { main: [result[0]] }, source: null }] },
  });
  // Like n8n, the next poll does not wait for this execution.
  new WorkflowExecute(additionalData(w.helper, w.data), 'trigger', runData)
    .processRunExecutionData(w.workflow)
    .then((run) => {
      const error = run.data.resultData.error;
      if (error) void reportError(`${w.marketplace} execution: ${error.message}`);
    })
    .catch((error) => void reportError(`${w.marketplace} execution: ${error?.message ?? error}`));
}

const workflows = Object.keys(config.credentials).map(workflowFor);
for (const w of workflows) {
  const loop = async () => {
    try {
      await pollOnce(w);
    } catch (error) {
      await reportError(`${w.marketplace} host: ${error?.stack ?? error}`);
    }
    setTimeout(loop, config.intervalMs);
  };
  void loop();
}
process.stdout.write('READY\n');
