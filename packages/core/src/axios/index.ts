// The Node entry: I/O the main entry must not carry (axios, real timers).

export { createNodeClient, type NodeClientOptions } from './node-client.js';
export { nodeRuntime } from './node-runtime.js';
export { type AxiosTransportOptions, createAxiosTransport } from './transport.js';
