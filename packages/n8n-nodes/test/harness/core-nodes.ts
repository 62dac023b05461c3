import type {
  IDataObject,
  IExecuteFunctions,
  IHttpRequestMethods,
  IHttpRequestOptions,
  INodeExecutionData,
  INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, WAIT_INDEFINITELY } from 'n8n-workflow';

/**
 * Stand-ins for the few n8n-nodes-base nodes the examples use. n8n-nodes-base is not a dev
 * dependency: it pulls ~90 packages, native builds among them (isolated-vm, kafka, oracledb,
 * snowflake), for four nodes. Each stand-in declares the real node's type name and the parameter
 * names of the real node's version, does what the real node does with them through n8n-core's own
 * helpers (HTTP, filter evaluation, putExecutionToWait), and refuses any parameter value it does
 * not implement, so an example cannot silently rely on behaviour the harness lacks.
 */

function only(fn: IExecuteFunctions, name: string, value: unknown, allowed: readonly unknown[]): void {
  if (!allowed.includes(value))
    throw new Error(`harness ${fn.getNode().type}: ${name} "${String(value)}" is not implemented`);
}

/** Schedule Trigger: in trigger mode the engine hands the node's input on; `trigger` never runs. */
const scheduleTrigger: INodeType = {
  description: {
    displayName: 'Schedule Trigger',
    name: 'scheduleTrigger',
    group: ['trigger', 'schedule'],
    version: [1, 1.1, 1.2],
    description: 'harness stand-in',
    defaults: { name: 'Schedule Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    properties: [
      {
        displayName: 'Rule',
        name: 'rule',
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        default: { interval: [{ field: 'days' }] },
        options: [
          {
            name: 'interval',
            displayName: 'Trigger Interval',
            values: [
              { displayName: 'Field', name: 'field', type: 'string', default: 'days' },
              { displayName: 'Hours Between Triggers', name: 'hoursInterval', type: 'number', default: 1 },
              {
                displayName: 'Minutes Between Triggers',
                name: 'minutesInterval',
                type: 'number',
                default: 5,
              },
              { displayName: 'Trigger at Hour', name: 'triggerAtHour', type: 'number', default: 0 },
            ],
          },
        ],
      },
    ],
  },
  async trigger() {
    throw new Error('harness: a schedule trigger is started with runFromTrigger, not activated');
  },
};

/** HTTP Request (4.2): method, URL, header auth credential, headers, JSON body; the answer as JSON. */
const httpRequest: INodeType = {
  description: {
    displayName: 'HTTP Request',
    name: 'httpRequest',
    group: ['output'],
    version: [4, 4.1, 4.2],
    description: 'harness stand-in',
    defaults: { name: 'HTTP Request' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'httpHeaderAuth', required: false }],
    properties: [
      { displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
      { displayName: 'URL', name: 'url', type: 'string', default: '' },
      { displayName: 'Authentication', name: 'authentication', type: 'string', default: 'none' },
      { displayName: 'Generic Auth Type', name: 'genericAuthType', type: 'string', default: '' },
      { displayName: 'Send Headers', name: 'sendHeaders', type: 'boolean', default: false },
      {
        displayName: 'Header Parameters',
        name: 'headerParameters',
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        default: { parameters: [] },
        options: [
          {
            name: 'parameters',
            displayName: 'Parameter',
            values: [
              { displayName: 'Name', name: 'name', type: 'string', default: '' },
              { displayName: 'Value', name: 'value', type: 'string', default: '' },
            ],
          },
        ],
      },
      { displayName: 'Send Body', name: 'sendBody', type: 'boolean', default: false },
      { displayName: 'Specify Body', name: 'specifyBody', type: 'string', default: 'keypair' },
      { displayName: 'JSON', name: 'jsonBody', type: 'json', default: '' },
      { displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
    ],
  },
  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const out: INodeExecutionData[] = [];
    const items = this.getInputData();
    for (let i = 0; i < items.length; i++) {
      const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
      only(this, 'method', method, ['GET', 'POST']);
      const headers: IDataObject = {};
      const authentication = this.getNodeParameter('authentication', i) as string;
      only(this, 'authentication', authentication, ['none', 'genericCredentialType']);
      if (authentication === 'genericCredentialType') {
        only(this, 'genericAuthType', this.getNodeParameter('genericAuthType', i), ['httpHeaderAuth']);
        const auth = await this.getCredentials<{ name: string; value: string }>('httpHeaderAuth', i);
        headers[auth.name] = auth.value;
      }
      if (this.getNodeParameter('sendHeaders', i) === true) {
        const list = this.getNodeParameter('headerParameters.parameters', i, []) as Array<{
          name: string;
          value: string;
        }>;
        for (const { name, value } of list) headers[name] = value;
      }
      const request: IHttpRequestOptions = {
        method,
        url: this.getNodeParameter('url', i) as string,
        headers,
      };
      if (this.getNodeParameter('sendBody', i) === true) {
        only(this, 'specifyBody', this.getNodeParameter('specifyBody', i), ['json']);
        const body = this.getNodeParameter('jsonBody', i) as string | IDataObject;
        request.body = typeof body === 'string' ? (JSON.parse(body) as IDataObject) : body;
        request.json = true;
      }
      const answer = (await this.helpers.httpRequest(request)) as IDataObject | string;
      out.push({ json: typeof answer === 'object' ? answer : { data: answer }, pairedItem: { item: i } });
    }
    return [out];
  },
};

/** Wait (1.1) on "On Webhook Call": the execution waits; the harness resumes it as n8n's waiting-webhook route does. */
const wait: INodeType = {
  description: {
    displayName: 'Wait',
    name: 'wait',
    group: ['organization'],
    version: [1, 1.1],
    description: 'harness stand-in',
    defaults: { name: 'Wait' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    properties: [
      { displayName: 'Resume', name: 'resume', type: 'string', default: 'timeInterval' },
      { displayName: 'HTTP Method', name: 'httpMethod', type: 'string', default: 'GET' },
      { displayName: 'Respond', name: 'responseMode', type: 'string', default: 'onReceived' },
      { displayName: 'Limit Wait Time', name: 'limitWaitTime', type: 'boolean', default: false },
      { displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
    ],
  },
  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    only(this, 'resume', this.getNodeParameter('resume', 0), ['webhook']);
    only(this, 'limitWaitTime', this.getNodeParameter('limitWaitTime', 0), [false]);
    await this.putExecutionToWait(WAIT_INDEFINITELY);
    return [this.getInputData()];
  },
};

/** If (2.2): n8n-core evaluates the filter parameter itself when asked with extractValue. */
const ifNode: INodeType = {
  description: {
    displayName: 'If',
    name: 'if',
    group: ['transform'],
    version: [2, 2.1, 2.2],
    description: 'harness stand-in',
    defaults: { name: 'If' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
    outputNames: ['true', 'false'],
    properties: [
      {
        displayName: 'Conditions',
        name: 'conditions',
        type: 'filter',
        default: {},
        typeOptions: { filter: { caseSensitive: true, typeValidation: 'strict', version: 2 } },
      },
      {
        displayName: 'Convert Types Where Required',
        name: 'looseTypeValidation',
        type: 'boolean',
        default: false,
      },
      { displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
    ],
  },
  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const yes: INodeExecutionData[] = [];
    const no: INodeExecutionData[] = [];
    this.getInputData().forEach((item, i) => {
      const pass = this.getNodeParameter('conditions', i, false, { extractValue: true }) as boolean;
      (pass ? yes : no).push({ ...item, pairedItem: { item: i } });
    });
    return [yes, no];
  },
};

/** Split Out (1): one item per element of a list field; object elements become the item's JSON. */
const splitOut: INodeType = {
  description: {
    displayName: 'Split Out',
    name: 'splitOut',
    group: ['transform'],
    version: 1,
    description: 'harness stand-in',
    defaults: { name: 'Split Out' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    properties: [
      { displayName: 'Fields To Split Out', name: 'fieldToSplitOut', type: 'string', default: '' },
      { displayName: 'Include', name: 'include', type: 'string', default: 'noOtherFields' },
      { displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
    ],
  },
  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const out: INodeExecutionData[] = [];
    this.getInputData().forEach((item, i) => {
      only(this, 'include', this.getNodeParameter('include', i), ['noOtherFields']);
      const path = this.getNodeParameter('fieldToSplitOut', i) as string;
      let value: unknown = item.json;
      for (const key of path.split('.')) value = (value as IDataObject | undefined)?.[key];
      if (!Array.isArray(value)) throw new Error(`harness Split Out: "${path}" is not a list in item ${i}`);
      for (const element of value) {
        const json =
          element !== null && typeof element === 'object'
            ? (element as IDataObject)
            : { [path]: element as string };
        out.push({ json, pairedItem: { item: i } });
      }
    });
    return [out];
  },
};

/** Sticky Note: editor-only, never executed. */
const stickyNote: INodeType = {
  description: {
    displayName: 'Sticky Note',
    name: 'stickyNote',
    group: ['input'],
    version: 1,
    description: 'harness stand-in',
    defaults: { name: 'Sticky Note' },
    inputs: [],
    outputs: [],
    properties: [
      { displayName: 'Content', name: 'content', type: 'string', default: '' },
      { displayName: 'Width', name: 'width', type: 'number', default: 240 },
      { displayName: 'Height', name: 'height', type: 'number', default: 160 },
    ],
  },
};

export const CORE_NODES: Record<string, INodeType> = {
  'n8n-nodes-base.scheduleTrigger': scheduleTrigger,
  'n8n-nodes-base.httpRequest': httpRequest,
  'n8n-nodes-base.wait': wait,
  'n8n-nodes-base.if': ifNode,
  'n8n-nodes-base.splitOut': splitOut,
  'n8n-nodes-base.stickyNote': stickyNote,
};
