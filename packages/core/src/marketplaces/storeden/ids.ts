import { ValidationError } from '../../errors/errors.js';
import { assertId } from '../../http/path.js';

/** A conversation is keyed by the buyer's numeric user id (`with_id`, an int). */
export function storedenChatId(value: unknown, field = 'chatId'): string {
  const id = assertId('storeden', field, value);
  if (!/^\d{1,19}$/.test(id)) {
    throw new ValidationError(
      `Storeden: ${field} must be the numeric user id of the conversation (got ${JSON.stringify(id)})`,
      {
        marketplace: 'storeden',
        field,
        limit: 'digits (a with_id)',
      },
    );
  }
  return id;
}

/**
 * Storeden message ids are 24 hexadecimal characters. Checked up front because an unknown id
 * makes an incremental read walk the whole history.
 */
export function storedenMessageId(field: string, value: unknown): string {
  const id = assertId('storeden', field, value);
  if (!/^[0-9a-f]{24}$/i.test(id)) {
    throw new ValidationError(
      `Storeden: ${field} must be a 24-character hexadecimal message id (got ${JSON.stringify(id)})`,
      {
        marketplace: 'storeden',
        field,
        limit: '24 hexadecimal characters',
      },
    );
  }
  return id;
}
