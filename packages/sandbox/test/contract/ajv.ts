import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

/** One Ajv (draft 2019-09 for unevaluatedProperties) with the OpenAPI formats the specs use. */
export function createAjv(): Ajv2019 {
  // strictTypes off: the specs put `properties` in allOf branches without `type: object`.
  const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // Ozon's uint64: a non-negative integer when it is a number (strings are checked by pattern).
  ajv.addFormat('uint64', {
    type: 'number',
    validate: (value: number) => Number.isInteger(value) && value >= 0,
  });
  return ajv;
}

/** Validate or throw with Ajv's own account of what is wrong, so a failing contract test explains itself. */
export function check(validate: ValidateFunction, data: unknown, what: string): void {
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
    );
    throw new Error(
      `${what} does not match the official schema:\n  ${problems.join('\n  ')}\n${JSON.stringify(data)}`,
    );
  }
}

export function accepts(validate: ValidateFunction, data: unknown): boolean {
  return validate(data) === true;
}

/** Compile each schema once: Ajv's own cache keys on object identity, and ours are rebuilt per call. */
export function memo<T>(): (key: string, build: () => T) => T {
  const cache = new Map<string, T>();
  return (key, build) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = build();
    cache.set(key, value);
    return value;
  };
}
