import { poll } from '@sellerchat/core';
import type {
  IDataObject,
  INodeExecutionData,
  INodeType,
  INodeTypeDescription,
  IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { marketplaceCredentials, marketplaceProperty } from '../SellerChat/description/marketplace.js';
import { toNodeError } from '../SellerChat/helpers/errors.js';
import { toJson } from '../SellerChat/helpers/json.js';
import { connect } from '../SellerChat/transport/connect.js';
import { CREDENTIAL_TYPES } from '../SellerChat/transport/credential-types.js';
import { firstRunOption, firstRunProperties } from './first-run.js';
import { sampleEvent } from './sample.js';
import { accountKey, readStored, writeStored } from './trigger-state.js';
import {
  chatKindsProperties,
  eventProperty,
  senderOptionsProperty,
  watcherOptions,
} from './watch-options.js';

export class SellerChatTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SellerChat Trigger',
    name: 'sellerChatTrigger',
    icon: { light: 'file:../../icons/sellerchat.svg', dark: 'file:../../icons/sellerchat.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["marketplace"] + ": " + $parameter["event"]}}',
    description:
      'Starts the workflow when a buyer writes or opens a chat (Metro Markets, Yandex Market, Ozon, Storeden), by polling',
    defaults: { name: 'SellerChat Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: marketplaceCredentials,
    properties: [
      {
        displayName:
          'Each new message or chat triggers one execution, once: the position is kept in the workflow, so restarts and queue mode neither repeat nor skip anything. On Metro Markets, reading a chat marks its messages as seen.',
        name: 'notice',
        type: 'notice',
        default: '',
      },
      marketplaceProperty,
      eventProperty,
      ...chatKindsProperties,
      ...firstRunProperties,
      senderOptionsProperty,
    ],
  };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    const get = (name: string, fallback: unknown) => this.getNodeParameter(name, fallback) as unknown;
    const manual = this.getMode() === 'manual';
    try {
      const marketplace = String(get('marketplace', 'metro'));
      const options = { ...watcherOptions(get), firstRun: firstRunOption(get) };
      const client = await connect(this, marketplace as Parameters<typeof connect>[1]);
      if (manual) {
        // A real sample for the editor; the trigger's position is not touched.
        const event = await sampleEvent(client, options);
        if (!event) {
          throw new NodeOperationError(
            this.getNode(),
            `No ${options.events === 'chats' ? 'chat' : 'message'} to show yet`,
            {
              description:
                'Write as a buyer (or use the SellerChat sandbox buyer page), then fetch a test event again.',
            },
          );
        }
        return [[{ json: toJson(event) }]];
      }
      const staticData = this.getWorkflowStaticData('node');
      const credentials = (await this.getCredentials(CREDENTIAL_TYPES[client.marketplace])) as IDataObject;
      const account = accountKey(client.marketplace, credentials);
      const { events, state } = await poll(client, readStored(staticData, account), options);
      // Saved only now that the poll succeeded; n8n persists static data after the poll returns,
      // before the execution runs: with redelivery on, the state then names every buyer message
      // handed on, and one the execution never answered (a crash, a restart) is emitted again.
      writeStored(staticData, account, state);
      if (events.length === 0) return null;
      return [events.map((event) => ({ json: toJson(event) }))];
    } catch (error) {
      const nodeError = toNodeError(this.getNode(), error);
      if (manual) throw nodeError;
      // One failed poll must not deactivate the workflow: the position stays, the next poll retries.
      this.logger.error(
        `SellerChat Trigger: poll failed, will retry on the next poll: ${nodeError.message}`,
        {
          node: this.getNode().name,
        },
      );
      return null;
    }
  }
}
