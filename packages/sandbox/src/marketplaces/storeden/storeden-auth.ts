/** Which pair a request carried: Storeden keys are READ or READ & WRITE, fixed at creation. */
export type StoredenAccess = 'read' | 'read-write';

export const STOREDEN_CREDENTIALS = {
  readWrite: { key: 'storeden-sandbox-key', exchange: 'storeden-sandbox-exchange' },
  readOnly: { key: 'storeden-sandbox-readonly-key', exchange: 'storeden-sandbox-readonly-exchange' },
} as const;

export type AuthOutcome = { access: StoredenAccess } | { refusal: string };

/** Checks the `key` and `exchange` headers; the refusal never repeats what the client sent. */
export function authenticate(headers: Record<string, string>): AuthOutcome {
  const key = headers.key;
  const exchange = headers.exchange;
  if (!key || !exchange) return { refusal: 'Missing authentication: send the "key" and "exchange" headers' };
  const { readWrite, readOnly } = STOREDEN_CREDENTIALS;
  if (key === readWrite.key && exchange === readWrite.exchange) return { access: 'read-write' };
  if (key === readOnly.key && exchange === readOnly.exchange) return { access: 'read' };
  return { refusal: 'Invalid key/exchange pair' };
}
