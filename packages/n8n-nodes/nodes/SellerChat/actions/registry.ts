import { chatGet } from './chat/get.js';
import { chatGetAll } from './chat/getAll.js';
import { chatGetUnseen } from './chat/getUnseen.js';
import { chatMarkRead } from './chat/markRead.js';
import { chatStart } from './chat/start.js';
import { fileSend } from './file/send.js';
import { fileUpload } from './file/upload.js';
import { messageGet } from './message/get.js';
import { messageGetAll } from './message/getAll.js';
import { messageSend } from './message/send.js';
import { metroEmailsExist, metroGetCategories, metroGetSubjects } from './metro/operations.js';
import type { OperationDef, Resource } from './types.js';

export const OPERATIONS: readonly OperationDef[] = [
  chatGetAll,
  chatGet,
  chatStart,
  chatMarkRead,
  chatGetUnseen,
  messageGetAll,
  messageSend,
  messageGet,
  fileSend,
  fileUpload,
  metroGetCategories,
  metroGetSubjects,
  metroEmailsExist,
];

export const RESOURCES: ReadonlyArray<{ value: Resource; name: string; description: string }> = [
  { value: 'chat', name: 'Chat', description: 'Conversations with buyers' },
  { value: 'file', name: 'File', description: 'Files sent to buyers' },
  { value: 'message', name: 'Message', description: 'Messages in a chat' },
  { value: 'metro', name: 'Metro', description: 'Metro Markets reference data' },
];

export function findOperation(resource: string, operation: string): OperationDef | undefined {
  return OPERATIONS.find((op) => op.resource === resource && op.value === operation);
}
