export interface OzonKey {
  clientId: string;
  apiKey: string;
  /** A key whose role only reads: send, file, start and read answer 403. */
  readOnly: boolean;
}

/** The sandbox seller's Client-Id; push bodies carry it as seller_id. */
export const CLIENT_ID = '1843105';

// Fixed, UUID-shaped like real Ozon keys, so the demo and docs can print them.
export const KEYS: readonly OzonKey[] = [
  { clientId: CLIENT_ID, apiKey: '7c1e2b4a-93d5-4f0e-b6a8-2d5f91c3e470', readOnly: false },
  { clientId: CLIENT_ID, apiKey: 'e04b8d21-5a6c-4c3f-8f19-7b2a6d0e9c35', readOnly: true },
];

export function credentials(): Record<string, Record<string, string>> {
  const [seller, reader] = KEYS;
  return {
    default: { clientId: seller!.clientId, apiKey: seller!.apiKey },
    readOnly: { clientId: reader!.clientId, apiKey: reader!.apiKey },
  };
}
