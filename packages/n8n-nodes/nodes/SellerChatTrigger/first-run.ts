import type { FirstRun } from '@sellerchat/core';
import type { INodeProperties } from 'n8n-workflow';

export const firstRunProperties: INodeProperties[] = [
  {
    displayName: 'On First Run',
    name: 'firstRun',
    type: 'options',
    options: [
      {
        name: 'Start From Now',
        value: 'now',
        description: 'Trigger only on what arrives after the workflow is activated',
      },
      {
        name: 'Include Unread Messages',
        value: 'unread',
        description: 'Trigger once on the buyer messages that are unread at activation, then on new ones',
      },
      {
        name: 'Start From a Date',
        value: 'since',
        description: 'Trigger on every message from a date on (history can be large)',
      },
    ],
    default: 'now',
    description:
      'What the first poll after activation does; later polls always continue where the last one stopped',
  },
  {
    displayName: 'Since',
    name: 'since',
    type: 'dateTime',
    required: true,
    default: '',
    displayOptions: { show: { firstRun: ['since'] } },
  },
];

export function firstRunOption(get: (name: string, fallback: unknown) => unknown): FirstRun {
  const mode = get('firstRun', 'now');
  if (mode === 'unread') return 'unread';
  if (mode === 'since') {
    const since = String(get('since', '') ?? '');
    const time = Date.parse(since);
    // An invalid date is passed on as written: the core refuses it naming the field.
    return { since: Number.isNaN(time) ? since : new Date(time).toISOString() };
  }
  return 'now';
}
