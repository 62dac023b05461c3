/** The seven chat operations, named as the spec's operationIds. */
export const OPERATIONS = [
  'getChats',
  'getChat',
  'createChat',
  'sendMessageToChat',
  'sendFileToChat',
  'getChatHistory',
  'getChatMessage',
] as const;

export type Operation = (typeof OPERATIONS)[number];

/** Operations a read-only token may not call (x-auth-scopes without all-methods:read-only). */
export const WRITE_OPERATIONS: ReadonlySet<Operation> = new Set([
  'createChat',
  'sendMessageToChat',
  'sendFileToChat',
]);

/** Hourly quotas from each path's x-resource-limit-config. */
export const DEFAULT_QUOTAS: Readonly<Record<Operation, number>> = {
  getChats: 5000,
  getChat: 1000,
  createChat: 1000,
  sendMessageToChat: 1000,
  sendFileToChat: 1000,
  getChatHistory: 10000,
  getChatMessage: 1000,
};
