import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv, memo } from './ajv.js';
import { closeObjects, RefLoader, type Schema } from './ref-loader.js';
import { SPECS } from './yandex-spec.js';

export const OZON_FILE = join(SPECS, 'ozon-seller-api-chat.json');

/**
 * Where Ozon's schema and its own examples disagree (shared/api/marketplaces.md §2.4b) we follow
 * the examples: these uint64 ids are typed integer but every example, and grpc-gateway's JSON,
 * sends them as decimal strings. Exactly these keywords are relaxed; nothing else.
 */
export const RELAXED_IDS = [
  '/components/schemas/v3ChatInfo/properties/first_unread_message_id',
  '/components/schemas/v3ChatInfo/properties/last_message_id',
  '/components/schemas/v3ChatMessage/properties/message_id',
] as const;

const DECIMAL_STRING: Schema = { type: 'string', pattern: '^[0-9]+$' };

export interface OzonContract {
  /** The documented response schema for POST `path` and `status`. */
  response(path: string, status: number): ValidateFunction;
  /** rpcStatus, for statuses the paths do not list (401, 405, 429). */
  rpcStatus(): ValidateFunction;
  /** The official examples of a path's 200 response. */
  example(path: string): unknown;
}

export function loadOzonContract(options: { relaxIds?: boolean; closed?: boolean } = {}): OzonContract {
  const loader = new RefLoader();
  if (options.relaxIds ?? true) {
    for (const pointer of RELAXED_IDS) {
      loader.patch(OZON_FILE, pointer, (node) => {
        if (node.type !== 'integer' || node.format !== 'uint64') {
          throw new Error(`${pointer} is no longer integer/uint64: revisit the relaxation`);
        }
        const { type: _type, format: _format, ...rest } = node;
        return { ...rest, ...DECIMAL_STRING };
      });
    }
  }
  const ajv = createAjv();
  const cached = memo<ValidateFunction>();
  const compile = (schema: unknown) =>
    ajv.compile(((options.closed ?? true) ? closeObjects(schema) : schema) as Schema);
  const spec = loader.load(OZON_FILE) as {
    paths: Record<string, { post: { responses: Record<string, { content?: Record<string, Schema> }> } }>;
    components: { schemas: Record<string, Schema> };
  };
  const media = (path: string, status: number) => {
    const content = spec.paths[path]?.post.responses[String(status)]?.content?.['application/json'];
    if (!content) throw new Error(`The spec documents no ${status} for POST ${path}`);
    return content as { schema: Schema; example?: unknown; examples?: unknown };
  };
  return {
    response: (path, status) => cached(`${path} ${status}`, () => compile(media(path, status).schema)),
    rpcStatus: () => cached('rpcStatus', () => compile(spec.components.schemas.rpcStatus)),
    // Read from the raw file: the loader drops `example` keywords, which Ajv does not know.
    example: (path) => {
      const raw = JSON.parse(readFileSync(OZON_FILE, 'utf8')) as typeof spec;
      return (raw.paths[path]?.post.responses['200']?.content?.['application/json'] as { example?: unknown })
        ?.example;
    },
  };
}
