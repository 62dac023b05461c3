import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { createAjv } from './ajv.js';
import { OZON_FILE } from './ozon-spec.js';
import type { Schema } from './ref-loader.js';

/**
 * Ozon documents push bodies only as Markdown (tags push_start and push_types): an example in a
 * code block and a table of parameters (name | type | format | description). This builds a JSON
 * Schema per message_type from the two:
 * - keys, nesting and JSON types come from the EXAMPLE (all keys required, no others allowed);
 * - `date-time` formats come from the table;
 * - message_type is the `TYPE_*` value the table names (the PING example shows "string");
 * - chat_type and user.type allow the values the table lists, plus the example's own value
 *   (the examples write "Сustomer" with a Cyrillic С).
 * Where table and example disagree on a type we follow the example and record it in `conflicts`.
 */
export interface OzonPushSpec {
  types: string[];
  validator(messageType: string): ValidateFunction;
  /** `TYPE_X.key: table says T, example has U` for every disagreement that was decided for the example. */
  conflicts: string[];
}

interface Row {
  name: string;
  type: string;
  format: string;
  description: string;
}

function tableRows(section: string): Row[] {
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`([a-z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name && cells.length >= 6) {
      rows.push({ name, type: cells[2]!, format: cells[3]!, description: cells[4]! });
    }
  }
  return rows;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
}

const backticked = (text: string) => [...text.matchAll(/`([A-Za-z_]+)`/g)].map((match) => match[1]!);

function schemaFor(
  example: unknown,
  rows: Row[],
  messageType: string,
  conflicts: string[],
  key = '',
): Schema {
  const row = rows.find((candidate) => candidate.name === key);
  const type = jsonType(example);
  if (
    row &&
    key !== 'message_type' &&
    row.type !== '—' &&
    !row.type.startsWith(type === 'integer' ? 'integer' : type)
  ) {
    // e.g. seller_id: the table says integer, every example sends "7".
    conflicts.push(`${messageType}.${key}: table says ${row.type}, example has ${type}`);
  }
  if (type === 'object') {
    const entries = Object.entries(example as Record<string, unknown>);
    return {
      type: 'object',
      properties: Object.fromEntries(
        entries.map(([name, value]) => [name, schemaFor(value, rows, messageType, conflicts, name)]),
      ),
      required: entries.map(([name]) => name),
      additionalProperties: false,
    };
  }
  if (type === 'array') {
    const first = (example as unknown[])[0];
    return {
      type: 'array',
      items: first === undefined ? {} : schemaFor(first, rows, messageType, conflicts),
    };
  }
  const schema: Schema = { type };
  if (key === 'message_type') schema.const = messageType;
  if (row?.format === 'date-time') schema.format = 'date-time';
  if (key === 'chat_type' || key === 'type') {
    schema.enum = [...new Set([...backticked(row?.description ?? ''), example as string])];
  }
  return schema;
}

export function loadOzonPushSpec(): OzonPushSpec {
  const spec = JSON.parse(readFileSync(OZON_FILE, 'utf8')) as {
    tags: Array<{ name: string; description?: string }>;
  };
  const text = spec.tags
    .filter((tag) => tag.name === 'push_types' || tag.name === 'push_start')
    .map((tag) => tag.description ?? '')
    .join('\n');
  const ajv = createAjv();
  const validators = new Map<string, ValidateFunction>();
  const conflicts: string[] = [];
  for (const section of text.split(/\n## /)) {
    const code = /```[a-z0-9]*\n([\s\S]*?)```/.exec(section);
    if (!code) continue;
    const rows = tableRows(section.slice(code.index + code[0].length).split(/\n#{2,4} /)[0]!);
    const typeRow = rows.find((row) => row.name === 'message_type');
    const messageType = typeRow && backticked(typeRow.description).find((value) => value.startsWith('TYPE_'));
    if (
      !messageType ||
      !/TYPE_(PING|NEW_MESSAGE|UPDATE_MESSAGE|MESSAGE_READ|CHAT_CLOSED)$/.test(messageType)
    ) {
      continue;
    }
    const example = JSON.parse(code[1]!) as unknown;
    validators.set(messageType, ajv.compile(schemaFor(example, rows, messageType, conflicts)));
  }
  return {
    types: [...validators.keys()].sort(),
    validator: (messageType) => {
      const validate = validators.get(messageType);
      if (!validate) throw new Error(`No documented push body for ${messageType}`);
      return validate;
    },
    conflicts,
  };
}
