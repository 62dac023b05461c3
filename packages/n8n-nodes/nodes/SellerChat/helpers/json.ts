import type { IDataObject } from 'n8n-workflow';

/** The core's model as n8n item JSON: plain data, with undefined fields left out. */
export function toJson(value: unknown): IDataObject {
  return JSON.parse(JSON.stringify(value ?? {})) as IDataObject;
}
