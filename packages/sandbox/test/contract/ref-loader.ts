import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type Schema = Record<string, unknown>;

/**
 * Loads an OpenAPI document split over many files (Yandex) or held in one (Ozon) and inlines
 * every `$ref` — `../components/schemas/X.yaml`, `./X.yaml#/pointer` or `#/components/...` — so
 * Ajv gets plain JSON Schema. It also drops OpenAPI-only keywords Ajv would refuse in strict mode
 * and turns a discriminator mapping into if/then (Ajv's own discriminator support ignores mappings).
 */
export class RefLoader {
  readonly #files = new Map<string, unknown>();

  /** The document at `file` (or the node at `file#pointer`), fully resolved. */
  load(file: string, pointer = ''): unknown {
    const absolute = resolve(file);
    return this.#resolve(this.#at(this.#read(absolute), pointer, absolute), absolute, [
      `${absolute}#${pointer}`,
    ]);
  }

  /** Replace one raw node before resolution (for documented relaxations of the official file). */
  patch(file: string, pointer: string, replace: (node: Schema) => Schema): void {
    const absolute = resolve(file);
    const parts = pointer.split('/').slice(1);
    const key = parts.pop()!;
    const parent = this.#at(
      this.#read(absolute),
      parts.length ? `/${parts.join('/')}` : '',
      absolute,
    ) as Schema;
    if (!(key in parent)) throw new Error(`patch: ${pointer} not found in ${absolute}`);
    parent[key] = replace(parent[key] as Schema);
  }

  #read(absolute: string): unknown {
    let document = this.#files.get(absolute);
    if (document === undefined) {
      const text = readFileSync(absolute, 'utf8');
      document = absolute.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      this.#files.set(absolute, document);
    }
    return document;
  }

  #at(document: unknown, pointer: string, file: string): unknown {
    let node = document;
    for (const raw of pointer.split('/').slice(1)) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof node !== 'object' || node === null || !(key in node)) {
        throw new Error(`$ref target #${pointer} not found in ${file}`);
      }
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }

  #target(ref: string, file: string): { file: string; pointer: string } {
    const [path = '', pointer = ''] = ref.split('#');
    return { file: path === '' ? file : resolve(dirname(file), path), pointer };
  }

  #resolve(node: unknown, file: string, stack: string[]): unknown {
    if (Array.isArray(node)) return node.map((item) => this.#resolve(item, file, stack));
    if (typeof node !== 'object' || node === null) return node;
    const object = node as Schema;
    if (typeof object.$ref === 'string') {
      const target = this.#target(object.$ref, file);
      const key = `${target.file}#${target.pointer}`;
      if (stack.includes(key)) throw new Error(`$ref cycle: ${[...stack, key].join(' -> ')}`);
      const resolved = this.#resolve(
        this.#at(this.#read(target.file), target.pointer, target.file),
        target.file,
        [...stack, key],
      );
      // Siblings of $ref (OpenAPI 3.0 ignores them; the files here only put descriptions there).
      return resolved;
    }
    const discriminator = object.discriminator as
      | { propertyName: string; mapping?: Record<string, string> }
      | undefined;
    if (discriminator?.mapping) return this.#discriminated(object, discriminator, file, stack);
    const out: Schema = {};
    for (const [key, value] of Object.entries(object)) {
      if (key.startsWith('x-') || key === 'example' || key === 'externalDocs') continue;
      out[key] = this.#resolve(value, file, stack);
    }
    return out;
  }

  /**
   * oneOf + discriminator.mapping → "notificationType is one of the mapped values, and for each
   * value the mapped schema applies". A plain oneOf would fail here: PingNotificationDTO requires
   * nothing, so every notification also matches it.
   */
  #discriminated(
    object: Schema,
    discriminator: { propertyName: string; mapping?: Record<string, string> },
    file: string,
    stack: string[],
  ): Schema {
    const property = discriminator.propertyName;
    const mapping = discriminator.mapping!;
    const oneOf = ((object.oneOf as Schema[] | undefined) ?? []).map((item) => String(item.$ref));
    const mapped = Object.values(mapping);
    if (oneOf.length !== mapped.length || !oneOf.every((ref) => mapped.includes(ref))) {
      throw new Error('discriminator mapping and oneOf list different schemas');
    }
    const { oneOf: _oneOf, discriminator: _discriminator, ...rest } = object;
    const base = this.#resolve(rest, file, stack) as Schema;
    const branches = Object.entries(mapping).map(([value, ref]) => ({
      if: { properties: { [property]: { const: value } }, required: [property] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable.
      then: this.#resolve({ $ref: ref }, file, stack),
    }));
    return {
      ...base,
      properties: { ...(base.properties as Schema), [property]: { enum: Object.keys(mapping) } },
      required: [...new Set([...((base.required as string[]) ?? []), property])],
      allOf: [...((base.allOf as Schema[]) ?? []), ...branches],
    };
  }
}

/**
 * Stricter than the official files, on purpose: an object schema that is not a branch of an
 * allOf/oneOf/if-then gets `unevaluatedProperties: false`, so a misspelt optional field in our
 * responses fails instead of passing unnoticed. (The vendors' schemas allow extra keys.)
 */
export function closeObjects(schema: unknown, inBranch = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => closeObjects(item));
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'properties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Schema).map(([name, sub]) => [name, closeObjects(sub)]),
      );
    } else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') {
      out[key] = (value as unknown[]).map((branch) => closeObjects(branch, true));
    } else if (key === 'then' || key === 'else' || key === 'if') {
      out[key] = closeObjects(value, true);
    } else if (key === 'items') {
      out[key] = closeObjects(value);
    } else {
      out[key] = value;
    }
  }
  const objectLike = source.type === 'object' || 'properties' in source || 'allOf' in source;
  if (objectLike && !inBranch) out.unevaluatedProperties = false;
  return out;
}
