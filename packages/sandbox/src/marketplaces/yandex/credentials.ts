/** Scopes as named in the spec's x-auth-scopes. */
export type Scope = 'communication' | 'all-methods' | 'all-methods:read-only';

export interface YandexToken {
  token: string;
  businessId: number;
  scope: Scope;
}

/** The cabinet the seed fills. */
export const BUSINESS_ID = 11_223_344;
/** A second cabinet with no chats: its token proves a token only opens its own businessId. */
export const OTHER_BUSINESS_ID = 55_667_788;

// Fixed strings, not random: the demo and the docs print them. Shaped like real `ACMA:` keys.
export const TOKENS: readonly YandexToken[] = [
  { token: 'ACMA:c2FuZGJveC1jb21tdW5pY2F0aW9u:5a1f0c2e', businessId: BUSINESS_ID, scope: 'communication' },
  { token: 'ACMA:c2FuZGJveC1yZWFkLW9ubHk:9d3b7e41', businessId: BUSINESS_ID, scope: 'all-methods:read-only' },
  {
    token: 'ACMA:c2FuZGJveC1vdGhlci1jYWJpbmV0:0c6a2f88',
    businessId: OTHER_BUSINESS_ID,
    scope: 'all-methods',
  },
];

export function credentials(): Record<string, Record<string, string>> {
  const [seller, readOnly, other] = TOKENS;
  return {
    default: { apiKey: seller!.token, businessId: String(seller!.businessId) },
    readOnly: { apiKey: readOnly!.token, businessId: String(readOnly!.businessId) },
    otherBusiness: { apiKey: other!.token, businessId: String(other!.businessId) },
  };
}
