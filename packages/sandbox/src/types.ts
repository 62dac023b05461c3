/**
 * The contract between the sandbox's HTTP framework (server, control API, faults, push, buyer
 * page) and each marketplace module. Each module is a second, independent reading of the
 * vendor documents: it must not import anything from @sellerchat/core.
 */
export type MarketplaceId = 'metro' | 'yandex' | 'ozon' | 'storeden';

export interface SandboxRequest {
  method: string;
  /** Path below the marketplace's base path, e.g. `/v2/businesses/1/chats` for `/yandex/v2/...`. */
  path: string;
  /** The raw path + query as received after the base path (Metro signs the full URI). */
  rawPathAndQuery: string;
  /** The full URL as the client addressed it (scheme, host, base path, path, query). */
  fullUrl: string;
  query: URLSearchParams;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  rawBody: Buffer;
}

export interface SandboxResponse {
  status: number;
  /** Reason phrase when the marketplace uses its own (Storeden 509 "Limit Exceeded", Yandex 420). */
  statusText?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON (the module serialises big ids as strings itself). */
  body?: unknown;
  /** Pre-serialised body; wins over `body`. */
  rawBody?: string | Buffer;
}

/** A message in the neutral shape the buyer page and the control API show. */
export interface ThreadMessage {
  id: string;
  from: 'buyer' | 'seller' | 'marketplace' | 'support';
  text: string;
  /** ISO 8601 UTC. */
  at: string;
  attachments: Array<{ name: string; mimeType?: string; size: number; url: string }>;
}

export interface ThreadSummary {
  chatId: string;
  title: string;
  status: string;
  lastMessageAt?: string;
  /** What a seller would type to start/find this chat: order id, posting number... */
  context?: Record<string, string>;
}

export interface BuyerAttachment {
  name: string;
  mimeType: string;
  data: Buffer;
}

export interface PushTarget {
  /** Where the sandbox POSTs notifications for this marketplace. */
  url: string;
  /** Deliver every notification twice (the docs say receivers must deduplicate). */
  duplicate?: boolean;
  /** Yandex: append `/notification` to the URL (the docs leave this open). */
  appendNotificationPath?: boolean;
}

export interface PushDeliveryRecord {
  marketplace: MarketplaceId;
  body: unknown;
  attempt: number;
  ok: boolean;
  status?: number;
  /** Why the reply was refused: timeout, wrong status, wrong content type, wrong body shape. */
  problem?: string;
  ms: number;
  /** The URL the attempt went to. */
  url?: string;
  /** When the attempt started, ISO 8601 UTC. */
  at?: string;
  /** Sequence number of the notification within its marketplace (1, 2, ...). */
  notification?: number;
  /** 1, or 2 for the second copy in duplicate mode. */
  copy?: number;
  /** True on the last failed attempt: the schedule is used up and delivery stops. */
  gaveUp?: boolean;
}

/** What the framework hands a module. */
export interface SandboxContext {
  /** Milliseconds since the epoch; tests can shift it to age chats (Metro OVER_SLA, Ozon windows). */
  now(): number;
  /** Deterministic random numbers from the seed. */
  random(): number;
  /** The sandbox's own origin, e.g. http://127.0.0.1:4010, for absolute URLs (Storeden next_page, file URLs). */
  origin(): string;
  /** Store bytes and get a URL under /_sandbox/files/ that serves them. */
  storeFile(file: BuyerAttachment): { id: string; url: string };
  readFile(id: string): BuyerAttachment | undefined;
  /** Queue a push notification; delivery, checks and retries are the framework's. */
  push(notification: PushNotification): void;
}

export interface PushNotification {
  body: unknown;
  /** Reply checks per the marketplace's protocol. */
  expect: 'yandex-ping' | 'yandex-event' | 'ozon-ping' | 'ozon-event';
  timeoutMs: number;
}

export interface MarketplaceModule {
  readonly id: MarketplaceId;
  /** Answer one marketplace API request (auth, limits, validation, state). */
  handle(req: SandboxRequest): Promise<SandboxResponse> | SandboxResponse;
  /** Replace all data with `count` deterministic chats. */
  seed(count: number): void;
  /** Drop all data and settings back to the defaults. */
  reset(): void;
  /** Credentials that work, for the demo and tests (and a read-only pair where the marketplace has one). */
  credentials(): Record<string, Record<string, string>>;
  /** Module switches (limits, Ozon premium/windows, ...). Unknown keys are refused with an Error. */
  configure(settings: Record<string, unknown>): void;
  settings(): Record<string, unknown>;
  /** Control API: play the buyer. Returns the new message id. */
  buyerWrite(chatId: string, text: string, attachment?: BuyerAttachment): string;
  /** Open a new buyer-started chat (Storeden conversation, Yandex DIRECT chat, Ozon/Metro order chat). */
  buyerOpenChat(input: { text: string; name?: string; kind?: string }): { chatId: string; messageId: string };
  closeChat(chatId: string): void;
  listThreads(): ThreadSummary[];
  thread(chatId: string): ThreadMessage[] | undefined;
  /** Every message the seller sent, oldest first, across chats. */
  sellerMessages(): Array<ThreadMessage & { chatId: string }>;
  /** Push setup: deliver PING now. */
  pingPush?(): void;
  /**
   * The marketplace's own error body for a status the framework produces (body too large,
   * injected faults, a handler that threw). Without it the framework uses its table of shapes.
   */
  errorResponse?(status: number, message: string): SandboxResponse;
  /** False when the marketplace's chats carry no files (Storeden); the buyer page hides "attach". */
  readonly buyerAttachments?: boolean;
}
