// node-red-node-test-helper with a real Node-RED 5 runtime, wrapped for promise-style tests.
import { createRequire } from 'node:module';
import type { NodeMessage, NodeStatus } from '../../src/lib/red.js';

const require = createRequire(import.meta.url);

export interface TestNode {
  id: string;
  receive(msg: NodeMessage): void;
  on(event: string, listener: (...args: never[]) => void): void;
  once(event: string, listener: (...args: never[]) => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
  [key: string]: unknown;
}

export interface Helper {
  init(runtimePath: string, settings?: Record<string, unknown>): void;
  startServer(): Promise<void>;
  stopServer(): Promise<void>;
  load(nodes: unknown, flow: unknown[], credentials?: Record<string, unknown>): Promise<void>;
  setFlows(flow: unknown[], type?: string, credentials?: Record<string, unknown>): Promise<void>;
  unload(): Promise<void>;
  getNode(id: string): TestNode;
  settings(settings: Record<string, unknown>): Record<string, unknown>;
  /** supertest bound to the helper's httpAdmin app. */
  request(): {
    get(path: string): { expect(status: number): Promise<{ body: Record<string, Record<string, unknown>> }> };
  };
  _redNodes: { getFlows(): { flows: unknown[] } };
}

export const helper: Helper = require('node-red-node-test-helper');
helper.init(require.resolve('node-red'));

/** Every register function of the package, from the TS source. */
export async function allNodes(): Promise<Array<(red: unknown) => void>> {
  const names = ['account', 'in', 'send', 'upload', 'mark-read', 'list', 'start-chat'];
  return Promise.all(
    names.map(async (n) => (await import(`../../src/nodes/sellerchat-${n}/sellerchat-${n}.ts`)).default),
  );
}

/** The next msg a node (usually a `helper` sink) receives. */
export function nextMessage(id: string, timeoutMs = 10_000): Promise<NodeMessage> {
  return new Promise((resolve, reject) => {
    const node = helper.getNode(id);
    const timer = setTimeout(() => {
      node.off('input', onInput);
      reject(new Error(`no msg reached ${id} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onInput = (msg: NodeMessage) => {
      clearTimeout(timer);
      resolve(msg);
    };
    node.once('input', onInput);
  });
}

/** Every msg a node receives from now on. */
export function collect(id: string): NodeMessage[] {
  const seen: NodeMessage[] = [];
  helper.getNode(id).on('input', (msg: NodeMessage) => seen.push(msg));
  return seen;
}

/** Every status a node shows from now on (the helper spies node.status). */
export function statuses(id: string): NodeStatus[] {
  const seen: NodeStatus[] = [];
  helper.getNode(id).on('call:status', (call: { args: [NodeStatus] }) => seen.push(call.args[0]));
  return seen;
}

export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Puts the nodes on one tab: Catch nodes only hear the nodes of their own flow, and a node on a
 * tab needs x and y or the runtime takes it for a config node.
 */
export function onTab(nodes: Array<Record<string, unknown>>, tab = 'tab1'): Array<Record<string, unknown>> {
  return [
    { id: tab, type: 'tab' },
    ...nodes.map((n) => (n.type === 'sellerchat-account' ? n : { x: 100, y: 100, ...n, z: tab })),
  ];
}
