import type { FaultRecord } from '../faults/fault-types.js';
import { parseFault } from '../faults/parse-fault.js';
import type { PushConfig } from '../push/push-engine.js';
import type { SandboxCore } from '../server/sandbox-core.js';
import type {
  BuyerAttachment,
  MarketplaceId,
  MarketplaceModule,
  PushDeliveryRecord,
  ThreadMessage,
  ThreadSummary,
} from '../types.js';
import { badInput, ControlError } from './control-error.js';
import { asObject, readBoolean, readInteger, readString, rejectUnknownKeys } from './control-input.js';

export interface BuyerAttachmentInput {
  name: string;
  mimeType: string;
  /** The bytes as base64 (what the HTTP control API takes)... */
  base64?: string;
  /** ...or as bytes (handy in-process). */
  data?: Uint8Array;
}

export interface MarketplaceInfo {
  id: MarketplaceId;
  baseUrl: string;
  buyerAttachments: boolean;
}

const MAX_SEED_CHATS = 100_000;
const MAX_BUYER_TEXT = 65_536;
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The control API as typed methods. The HTTP routes under /_sandbox call exactly these, so a
 * test in-process and a script over HTTP see the same rules and the same refusals.
 */
export class SandboxControl {
  constructor(
    private readonly core: SandboxCore,
    private readonly origin: () => string,
  ) {}

  marketplaces(): MarketplaceInfo[] {
    return this.core.ids.map((id) => ({
      id,
      baseUrl: `${this.origin()}/${id}`,
      buyerAttachments: this.#module(id).buyerAttachments !== false,
    }));
  }

  /** Replace all data with deterministic chats: the same seed gives the same chats. */
  seed(input: { seed?: number; chats?: number } = {}): { seed: number; chats: number } {
    const body = asObject(input, 'seed request');
    rejectUnknownKeys(body, ['seed', 'chats'], 'seed request');
    const current = this.core.currentSeed;
    const seed = readInteger(body, 'seed', { min: 0, max: 2 ** 32 - 1 }) ?? current.seed;
    const chats = readInteger(body, 'chats', { min: 0, max: MAX_SEED_CHATS }) ?? current.chats;
    this.core.seed(seed, chats);
    this.core.events.emit({ source: 'control', what: 'seed' });
    return { seed, chats };
  }

  reset(): void {
    this.core.reset();
    this.core.events.emit({ source: 'control', what: 'reset' });
  }

  credentials(marketplace: string): Record<string, Record<string, string>> {
    return this.#module(marketplace).credentials();
  }

  settings(marketplace: string): Record<string, unknown> {
    return this.#module(marketplace).settings();
  }

  configure(marketplace: string, settings: Record<string, unknown>): Record<string, unknown> {
    const module = this.#module(marketplace);
    const input = asObject(settings, `${marketplace} settings`);
    this.#call(marketplace, () => module.configure(input));
    this.core.events.emit({ marketplace, source: 'control', what: 'settings' });
    return module.settings();
  }

  threads(marketplace: string): ThreadSummary[] {
    return this.#module(marketplace).listThreads();
  }

  thread(marketplace: string, chatId: string): ThreadMessage[] {
    const messages = this.#module(marketplace).thread(String(chatId));
    if (!messages) throw new ControlError(404, `${marketplace}: no chat with id "${chatId}"`);
    return messages;
  }

  buyerWrite(
    marketplace: string,
    input: { chatId: string; text: string; attachment?: BuyerAttachmentInput },
  ): { messageId: string } {
    const module = this.#module(marketplace);
    const body = asObject(input, 'buyer message');
    rejectUnknownKeys(body, ['chatId', 'text', 'attachment'], 'buyer message');
    const chatId = readString(body, 'chatId', { required: true });
    const attachment = body.attachment === undefined ? undefined : readAttachment(body.attachment);
    const text = readString(body, 'text', { maxLength: MAX_BUYER_TEXT, allowEmpty: true }) ?? '';
    if (text.trim() === '' && !attachment) throw badInput('text must not be empty (or send an attachment)');
    if (attachment && module.buyerAttachments === false) {
      throw badInput(`attachment: ${marketplace} chats carry no files`);
    }
    const messageId = this.#call(marketplace, () => module.buyerWrite(chatId, text, attachment), chatId);
    this.core.events.emit({ marketplace, chatId, source: 'control', what: 'buyer-message' });
    return { messageId: String(messageId) };
  }

  buyerOpenChat(
    marketplace: string,
    input: { text: string; name?: string; kind?: string },
  ): { chatId: string; messageId: string } {
    const module = this.#module(marketplace);
    const body = asObject(input, 'new chat');
    rejectUnknownKeys(body, ['text', 'name', 'kind'], 'new chat');
    const text = readString(body, 'text', { required: true, maxLength: MAX_BUYER_TEXT });
    if (text.trim() === '') throw badInput('text must not be blank');
    const name = readString(body, 'name', { maxLength: 200 });
    const kind = readString(body, 'kind', { maxLength: 50 });
    const opened = this.#call(marketplace, () =>
      module.buyerOpenChat({ text, ...(name ? { name } : {}), ...(kind ? { kind } : {}) }),
    );
    const result = { chatId: String(opened.chatId), messageId: String(opened.messageId) };
    this.core.events.emit({ marketplace, chatId: result.chatId, source: 'control', what: 'chat-opened' });
    return result;
  }

  closeChat(marketplace: string, chatId: string): void {
    const module = this.#module(marketplace);
    this.#call(marketplace, () => module.closeChat(String(chatId)), String(chatId));
    this.core.events.emit({ marketplace, chatId: String(chatId), source: 'control', what: 'chat-closed' });
  }

  sellerMessages(marketplace: string): Array<ThreadMessage & { chatId: string }> {
    return this.#module(marketplace).sellerMessages();
  }

  /** Where to deliver push notifications; the module sends its PING when it has one. */
  setPush(marketplace: string, config: PushConfig): PushConfig {
    const module = this.#module(marketplace);
    const body = asObject(config, 'push config');
    rejectUnknownKeys(body, ['url', 'duplicate', 'appendNotificationPath', 'retryScale'], 'push config');
    const url = readString(body, 'url', { required: true, maxLength: 2000 });
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badInput(`url must be an absolute http(s) URL (got "${url}")`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw badInput(`url must use http or https (got "${parsed.protocol}")`);
    }
    const duplicate = readBoolean(body, 'duplicate');
    const appendNotificationPath = readBoolean(body, 'appendNotificationPath');
    const retryScale = body.retryScale;
    if (
      retryScale !== undefined &&
      (typeof retryScale !== 'number' || !(retryScale >= 0 && retryScale <= 1))
    ) {
      throw badInput('retryScale must be a number from 0 to 1');
    }
    const target: PushConfig = {
      url,
      ...(duplicate !== undefined ? { duplicate } : {}),
      ...(appendNotificationPath !== undefined ? { appendNotificationPath } : {}),
      ...(typeof retryScale === 'number' ? { retryScale } : {}),
    };
    this.core.push.configure(module.id, target);
    module.pingPush?.();
    return target;
  }

  clearPush(marketplace: string): void {
    this.core.push.configure(this.#module(marketplace).id, undefined);
  }

  push(marketplace: string): PushConfig | undefined {
    return this.core.push.target(this.#module(marketplace).id);
  }

  pushDeliveries(marketplace: string): PushDeliveryRecord[] {
    return this.core.push.deliveries(this.#module(marketplace).id);
  }

  /** Resolves when no notification is queued, in flight or waiting for a retry. */
  pushIdle(): Promise<void> {
    return this.core.push.idle();
  }

  addFault(fault: unknown): FaultRecord {
    return this.core.faults.add(parseFault(fault, this.core.ids));
  }

  faults(): FaultRecord[] {
    return this.core.faults.list();
  }

  clearFaults(): void {
    this.core.faults.clear();
  }

  /** Shift the sandbox clock: `offsetMs` sets the shift, `advanceMs` adds to it. */
  setClock(input: { offsetMs?: number; advanceMs?: number }): { offsetMs: number; now: string } {
    const body = asObject(input, 'clock request');
    rejectUnknownKeys(body, ['offsetMs', 'advanceMs'], 'clock request');
    const range = { min: -(10 * 365 * 86_400_000), max: 10 * 365 * 86_400_000 };
    const offsetMs = readInteger(body, 'offsetMs', range);
    const advanceMs = readInteger(body, 'advanceMs', range);
    if (offsetMs === undefined && advanceMs === undefined) throw badInput('give offsetMs or advanceMs');
    this.core.clock.setOffset((offsetMs ?? this.core.clock.offsetMs) + (advanceMs ?? 0));
    this.core.events.emit({ source: 'control', what: 'clock' });
    return this.clock();
  }

  clock(): { offsetMs: number; now: string } {
    return { offsetMs: this.core.clock.offsetMs, now: new Date(this.core.clock.now()).toISOString() };
  }

  file(id: string): BuyerAttachment {
    const file = this.core.files.read(id);
    if (!file) throw new ControlError(404, `no file with id "${id}"`);
    return file;
  }

  #module(marketplace: string): MarketplaceModule {
    const module = this.core.find(marketplace);
    if (!module) {
      throw new ControlError(
        404,
        `unknown marketplace "${marketplace}" (known: ${this.core.ids.join(', ')})`,
      );
    }
    return module;
  }

  /**
   * A module refuses with a plain Error; the control API answers that as 400 with its message,
   * or as 404 when the chat it was about does not exist (looked up only then: threads can be long).
   */
  #call<T>(marketplace: string, action: () => T, chatId?: string): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof ControlError) throw error;
      if (chatId !== undefined) this.thread(marketplace, chatId);
      const message = error instanceof Error ? error.message : String(error);
      throw badInput(`${marketplace}: ${message}`);
    }
  }
}

function readAttachment(value: unknown): BuyerAttachment {
  const input = asObject(value, 'attachment');
  rejectUnknownKeys(input, ['name', 'mimeType', 'base64', 'data'], 'attachment');
  const name = readString(input, 'name', { required: true, maxLength: 255 });
  const mimeType = readString(input, 'mimeType', { required: true, maxLength: 255 });
  let data: Buffer;
  if (input.data instanceof Uint8Array) {
    data = Buffer.from(input.data);
  } else {
    const base64 = readString(input, 'base64', { required: true, allowEmpty: true }).replace(/\s+/g, '');
    if (!BASE64.test(base64) || base64.length % 4 !== 0)
      throw badInput('attachment.base64 is not valid base64');
    data = Buffer.from(base64, 'base64');
  }
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw badInput(`attachment is ${data.length} bytes; the sandbox takes at most ${MAX_ATTACHMENT_BYTES}`);
  }
  return { name, mimeType, data };
}
