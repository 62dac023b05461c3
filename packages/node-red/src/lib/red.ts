// The slice of the Node-RED runtime API these nodes use. Written here rather than taken from
// @types/node-red, whose express 5 typings do not match the express 4 that Node-RED runs.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type StatusFill = 'red' | 'green' | 'yellow' | 'blue' | 'grey';

export interface NodeStatus {
  fill?: StatusFill;
  shape?: 'ring' | 'dot';
  text?: string;
}

export interface NodeMessage {
  _msgid?: string;
  payload?: unknown;
  topic?: string;
  [key: string]: unknown;
}

export type SendFn = (msg: NodeMessage | Array<NodeMessage | NodeMessage[] | null>) => void;
export type DoneFn = (err?: Error) => void;

export type ContextCallback = (err: Error | null | undefined, value?: unknown) => void;

export interface ContextStore {
  get(key: string, store: string | undefined, callback: ContextCallback): void;
  set(key: string, value: unknown, store: string | undefined, callback: (err?: Error | null) => void): void;
}

export interface NodeContext extends ContextStore {
  flow: ContextStore;
  global: ContextStore;
}

/** A node instance after `RED.nodes.createNode(this, config)`. */
export interface RedNode {
  readonly id: string;
  readonly type: string;
  name?: string;
  credentials?: Record<string, string | undefined>;
  on(event: 'input', listener: (msg: NodeMessage, send: SendFn, done: DoneFn) => void): void;
  on(event: 'close', listener: (removed: boolean, done: () => void) => void): void;
  send(msg: NodeMessage | Array<NodeMessage | NodeMessage[] | null>): void;
  status(status: NodeStatus): void;
  log(message: string): void;
  warn(message: string): void;
  error(error: Error | string, msg?: NodeMessage): void;
  context(): NodeContext;
}

export interface NodeDef {
  id: string;
  type: string;
  name?: string;
  z?: string;
}

export type RequestHandler = (
  req: IncomingMessage & { body?: unknown; params?: Record<string, string> },
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** An express 4 application, as Node-RED hands out `RED.httpNode` and `RED.httpAdmin`. */
export interface HttpApp {
  get(path: string, ...handlers: RequestHandler[]): unknown;
  post(path: string, ...handlers: RequestHandler[]): unknown;
  /** express 4 keeps its routes here; removing ours from it is how a route is unmounted. */
  _router?: { stack: RouteLayer[] };
}

export interface RouteLayer {
  route?: { path?: string; methods?: Record<string, boolean>; stack?: Array<{ handle?: unknown }> };
}

export type NodeConstructor<C> = (this: RedNode, config: C) => void;

export interface NodeRedApi {
  nodes: {
    createNode(node: RedNode, config: NodeDef): void;
    registerType<C>(
      type: string,
      ctor: NodeConstructor<C>,
      options?: { credentials?: Record<string, { type: 'text' | 'password' }> },
    ): void;
    getNode(id: string): unknown;
  };
  httpNode?: HttpApp;
  httpAdmin?: HttpApp;
  auth: { needsPermission(permission: string): RequestHandler };
  settings: Record<string, unknown> & { get?(key: string): unknown };
}
