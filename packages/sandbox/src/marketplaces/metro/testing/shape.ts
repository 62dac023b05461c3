/**
 * Compares a response with a vendor example by keys and value types only. The expected shape
 * is learnt from the example: the elements of an array merge into one item shape, so a path
 * may carry several kinds (`parentId`: null at a root, a number below it). Tree nodes (objects
 * with a recursive key such as `children`) merge all their levels into one node shape.
 */
type Kind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

interface Shape {
  kinds: Set<Kind>;
  keys?: Map<string, Shape>;
  /** Unset for an array the example only shows empty. */
  items?: Shape;
}

export interface ShapeOptions {
  /** Keys whose arrays hold nodes of the enclosing object's own shape (trees: `children`). */
  recursiveKeys?: string[];
  /** Path suffixes (`.customSubject`) where the example shows only null but this kind is allowed too. */
  nullableAs?: Record<string, Kind>;
  /** Path suffixes of objects that may carry more keys than the example, of the kinds the example's keys have. */
  openObjects?: string[];
}

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'object') return type;
  throw new Error(`not a JSON value: ${type}`);
}

function learn(value: unknown, recursiveKeys: string[]): Shape {
  const kind = kindOf(value);
  if (kind === 'array') {
    let items: Shape | undefined;
    for (const item of value as unknown[]) {
      const shape = learn(item, recursiveKeys);
      items = items ? merge(items, shape) : shape;
    }
    return items ? { kinds: new Set([kind]), items } : { kinds: new Set([kind]) };
  }
  if (kind !== 'object') return { kinds: new Set([kind]) };
  const record = value as Record<string, unknown>;
  const treeKey = recursiveKeys.find((k) => Array.isArray(record[k]));
  if (treeKey === undefined) {
    return {
      kinds: new Set([kind]),
      keys: new Map(Object.entries(record).map(([k, v]) => [k, learn(v, recursiveKeys)])),
    };
  }
  // Every level of the tree contributes to one node shape; the tree key stays a bare array.
  let node: Shape | undefined;
  for (const each of descendants(record, treeKey)) {
    const flat: Shape = {
      kinds: new Set(['object']),
      keys: new Map(
        Object.entries(each).map(([k, v]) => [
          k,
          k === treeKey ? { kinds: new Set(['array']) } : learn(v, recursiveKeys),
        ]),
      ),
    };
    node = node ? merge(node, flat) : flat;
  }
  return node as Shape;
}

function descendants(node: Record<string, unknown>, key: string): Array<Record<string, unknown>> {
  const children = (node[key] as Array<Record<string, unknown>>) ?? [];
  return [node, ...children.flatMap((child) => descendants(child, key))];
}

function merge(a: Shape, b: Shape): Shape {
  const out: Shape = { kinds: new Set([...a.kinds, ...b.kinds]) };
  if (a.keys || b.keys) {
    out.keys = new Map(a.keys ?? []);
    for (const [k, v] of b.keys ?? []) {
      const mine = out.keys.get(k);
      out.keys.set(k, mine ? merge(mine, v) : v);
    }
  }
  if (a.items && b.items) out.items = merge(a.items, b.items);
  else {
    const items = a.items ?? b.items;
    if (items) out.items = items;
  }
  return out;
}

/** Every difference as `path: problem`; empty when `actual` has the example's keys and kinds. */
export function shapeDifferences(actual: unknown, example: unknown, options: ShapeOptions = {}): string[] {
  const problems: string[] = [];
  walk(actual, learn(example, options.recursiveKeys ?? []), '$', options, problems);
  return problems;
}

function walk(value: unknown, shape: Shape, path: string, options: ShapeOptions, problems: string[]): void {
  const kind = kindOf(value);
  const allowed = new Set(shape.kinds);
  for (const [suffix, extra] of Object.entries(options.nullableAs ?? {})) {
    if (path.endsWith(suffix) && allowed.has('null')) allowed.add(extra);
  }
  if (!allowed.has(kind)) {
    problems.push(`${path}: ${kind}, the example has ${[...shape.kinds].join(' | ')}`);
    return;
  }
  if (kind === 'object' && shape.keys)
    walkObject(value as Record<string, unknown>, shape, path, options, problems);
  if (kind === 'array') {
    const items = value as unknown[];
    if (!shape.items) {
      if (items.length > 0) problems.push(`${path}: has items, the example only shows an empty array`);
      return;
    }
    for (const [i, item] of items.entries()) walk(item, shape.items, `${path}[${i}]`, options, problems);
  }
}

function walkObject(
  value: Record<string, unknown>,
  shape: Shape,
  path: string,
  options: ShapeOptions,
  problems: string[],
): void {
  const expected = shape.keys as Map<string, Shape>;
  const open = (options.openObjects ?? []).some((suffix) => path.endsWith(suffix));
  const openKinds = new Set([...expected.values()].flatMap((s) => [...s.kinds]));
  for (const key of expected.keys()) if (!(key in value)) problems.push(`${path}.${key}: missing`);
  for (const [key, v] of Object.entries(value)) {
    const child = expected.get(key);
    const at = `${path}.${key}`;
    if (child && (options.recursiveKeys ?? []).includes(key) && !child.items) {
      if (!Array.isArray(v)) problems.push(`${at}: ${kindOf(v)}, the example has array`);
      else for (const [i, node] of v.entries()) walk(node, shape, `${at}[${i}]`, options, problems);
    } else if (child) walk(v, child, at, options, problems);
    else if (!open) problems.push(`${at}: not in the example`);
    else if (!openKinds.has(kindOf(v)))
      problems.push(`${at}: ${kindOf(v)}, the example's keys are ${[...openKinds].join(' | ')}`);
  }
}
