import { ValidationError } from '../../errors/errors.js';
import { assertId } from '../../http/path.js';

/**
 * A user-supplied Metro id. Besides the shared checks it refuses "." and "..", which the path
 * builder would refuse too, but here the error names the field the user filled in.
 */
export function metroId(field: string, value: unknown): string {
  const id = assertId('metro', field, value);
  if (id === '.' || id === '..') {
    throw new ValidationError(`Metro Markets: ${field} is "${id}", which is not an id`, {
      marketplace: 'metro',
      field,
      limit: 'an id, not "." or ".."',
    });
  }
  return id;
}
