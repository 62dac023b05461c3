import type { IExecuteFunctions } from 'n8n-workflow';

/** A string parameter, trimmed; ids pasted with spaces around them are the common mistake. */
export function stringParam(fn: IExecuteFunctions, name: string, itemIndex: number, fallback = ''): string {
  const value = fn.getNodeParameter(name, itemIndex, fallback) as unknown;
  return value === undefined || value === null ? '' : String(value).trim();
}

/** The download options of an operation that returns messages, or undefined when off. */
export function downloadOption(fn: IExecuteFunctions, itemIndex: number): { prefix: string } | undefined {
  const on = fn.getNodeParameter('downloadAttachments', itemIndex, false) as boolean;
  if (!on) return undefined;
  return { prefix: stringParam(fn, 'binaryPrefix', itemIndex, 'attachment_') || 'attachment_' };
}
