// Every workflow of examples/n8n/ as shipped, inside n8n's execution engine against the sandbox:
// only credentials (sandbox base URLs) and the URLs of the stand-in services are set, as a user
// fills them in after importing. Core n8n nodes are n8n-nodes-base's own (test/harness/base-nodes.ts).
import type { MarketplaceId } from '@sellerchat/core';
import { startSandbox } from '@sellerchat/sandbox';
import { type JsonReceiver, startJsonReceiver } from '@sellerchat/sandbox/testing';
import type { IDataObject, IRun } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportedWorkflow, outputOf, runError, type WorkflowCredentials } from './harness/workflow-runner.js';
import { type Sandbox, sandboxCredentials } from './support/sandbox.js';

const HOUR = 3_600_000;
const MARKETPLACES: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];
const example = (file: string) => new URL(`../../../examples/n8n/${file}`, import.meta.url).pathname;

let sandbox: Sandbox;
let receiver: JsonReceiver | undefined;
let seeded = new Set<string>();

beforeEach(async () => {
  // The sandbox reads the clock through Date.now at every call, so moving the process clock moves it too.
  sandbox = Object.assign(await startSandbox({ port: 0, seed: 23, chats: 5, now: () => Date.now() }), {
    metroOrders: () => [],
  });
  seeded = new Set(
    MARKETPLACES.flatMap((mp) => sandbox.control.sellerMessages(mp).map((m) => `${mp}:${m.id}`)),
  );
});
afterEach(async () => {
  vi.useRealTimers();
  await receiver?.close();
  receiver = undefined;
  await sandbox.close();
});

/** Every marketplace's credentials pointing at the sandbox, plus any others the workflow needs. */
function credentials(extra: WorkflowCredentials = {}): WorkflowCredentials {
  const all: WorkflowCredentials = { ...extra };
  for (const mp of MARKETPLACES) Object.assign(all, sandboxCredentials(sandbox, mp));
  return all;
}

/** Seller messages sent since the sandbox started: the seeded history is left out. */
const sellerTexts = (mp: MarketplaceId, chatId: string) =>
  sandbox.control
    .sellerMessages(mp)
    .filter((m) => m.chatId === chatId && !seeded.has(`${mp}:${m.id}`))
    .map((m) => m.text);

function writableChat(mp: MarketplaceId, skip = 0): string {
  const open = sandbox.control.threads(mp).filter((t) => !/closed|archived|finished|arbiter/i.test(t.status));
  const usable = mp === 'ozon' ? open.filter((t) => t.context?.scheme !== 'FBO') : open;
  const chat = usable[skip];
  if (!chat) throw new Error(`the sandbox has no open ${mp} chat #${skip}`);
  return chat.chatId;
}

/**
 * Moves the clock of the whole test process: n8n, the nodes and the sandbox. The sandbox's own
 * clock shift cannot serve here: Metro signs every request with the client's time and refuses
 * one more than 5 minutes off the server's, so client and server must move together.
 */
function setProcessClock(ms: number): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(ms);
}

function expectSuccess(run: IRun): void {
  expect(runError(run)).toBeUndefined();
}

/** Polls a trigger and, when it fired, runs the execution it starts. */
async function pollAndRun(wf: ImportedWorkflow, trigger: string): Promise<IRun | undefined> {
  const items = await wf.poll(trigger);
  if (!items) return undefined;
  const run = await wf.runFrom(trigger, items);
  expectSuccess(run);
  return run;
}

describe('examples/n8n/auto-reply-business-hours.json', () => {
  it("answers each marketplace's template inside hours and the closed notice outside, once each", async () => {
    const morning = new Date(Date.now() + 24 * HOUR);
    morning.setUTCHours(9, 0, 0, 0); // 10:00 or 11:00 in Berlin
    while (morning.getUTCDay() === 0 || morning.getUTCDay() === 6)
      morning.setUTCDate(morning.getUTCDate() + 1);
    setProcessClock(morning.getTime());
    const wf = new ImportedWorkflow(example('auto-reply-business-hours.json'), credentials());
    const triggers = Object.fromEntries(MARKETPLACES.map((mp) => [mp, `New message on ${name(mp)}`]));
    for (const mp of MARKETPLACES) expect(await wf.poll(triggers[mp]!)).toBeUndefined(); // "now" is set

    const chats = Object.fromEntries(MARKETPLACES.map((mp) => [mp, writableChat(mp)])) as Record<
      MarketplaceId,
      string
    >;
    const order = sandbox.control.threads('metro').find((t) => t.chatId === chats.metro)
      ?.context?.orderNumber;
    expect(order).toBeTruthy();
    const template: Record<MarketplaceId, string> = {
      metro: `Thank you for your message about order ${order}. Our team answers within 24 hours.`,
      yandex: 'Спасибо за сообщение! Мы ответим в течение часа.',
      ozon: 'Спасибо за вопрос! Мы ответим в течение часа.',
      storeden: "Grazie per il messaggio! Ti risponderemo entro un'ora.",
    };

    for (const mp of MARKETPLACES)
      sandbox.control.buyerWrite(mp, { chatId: chats[mp], text: 'Do you ship to Vienna?' });
    for (const mp of MARKETPLACES) expect(await pollAndRun(wf, triggers[mp]!), mp).toBeDefined();
    vi.setSystemTime(morning.getTime() + 12 * HOUR); // 22:00 or 23:00 in Berlin
    for (const mp of MARKETPLACES)
      sandbox.control.buyerWrite(mp, { chatId: chats[mp], text: 'And to Graz?' });
    for (const mp of MARKETPLACES) expect(await pollAndRun(wf, triggers[mp]!), mp).toBeDefined();
    // A further poll finds nothing new: no answer twice.
    for (const mp of MARKETPLACES) expect(await wf.poll(triggers[mp]!), mp).toBeUndefined();

    for (const mp of MARKETPLACES)
      expect(sellerTexts(mp, chats[mp]), mp).toEqual([template[mp], "We're closed, back at 9:00."]);
  });
});

function name(mp: MarketplaceId): string {
  return { metro: 'Metro Markets', yandex: 'Yandex Market', ozon: 'Ozon', storeden: 'Storeden' }[mp];
}

describe('examples/n8n/ai-reply-with-approval.json', () => {
  async function draftAndWait() {
    const llm = await startJsonReceiver({
      answer: (body) => {
        const messages = (body as { messages: Array<{ content: string }> }).messages;
        return {
          object: 'chat.completion',
          choices: [
            { index: 0, message: { role: 'assistant', content: `Yes: ${messages.at(-1)?.content}` } },
          ],
        };
      },
    });
    receiver = await startJsonReceiver();
    const approvals = receiver;
    const wf = new ImportedWorkflow(
      example('ai-reply-with-approval.json'),
      credentials({ httpHeaderAuth: { name: 'Authorization', value: 'Bearer sk-test-key' } }),
      {
        'Draft reply (LLM)': { url: `${llm.url}/v1/chat/completions` },
        'Ask for approval': { url: `${approvals.url}/approvals` },
      },
    );
    expect(await wf.poll('New buyer message')).toBeUndefined();
    const [a, b] = [writableChat('yandex', 0), writableChat('yandex', 1)];
    sandbox.control.buyerWrite('yandex', { chatId: a, text: 'Is the blue one in stock?' });
    sandbox.control.buyerWrite('yandex', { chatId: b, text: 'Do you deliver on Sunday?' });
    const items = await wf.poll('New buyer message');
    expect(items).toHaveLength(2);
    const waiting = await wf.runFrom('New buyer message', items!);
    await llm.close();
    return { wf, waiting, llm, approvals, a, b };
  }

  it('drafts with the model, holds until approved, then sends each approved answer once', async () => {
    const { wf, waiting, llm, approvals, a, b } = await draftAndWait();
    expect(runError(waiting)).toBeUndefined();
    expect(waiting.status).toBe('waiting');
    expect(llm.received.map((r) => r.headers.authorization)).toEqual([
      'Bearer sk-test-key',
      'Bearer sk-test-key',
    ]);
    // n8n's HTTP Request node sends the items' requests concurrently: the arrival order is free.
    const asked = (question: string) =>
      llm.received.filter(
        (r) => (r.body as { messages?: Array<{ content?: string }> }).messages?.at(-1)?.content === question,
      );
    for (const question of ['Is the blue one in stock?', 'Do you deliver on Sunday?']) {
      expect(asked(question), question).toHaveLength(1);
      expect(asked(question)[0]!.body).toMatchObject({
        model: 'gpt-4o-mini',
        messages: [{ role: 'system' }, { role: 'user', content: question }],
      });
    }
    expect(approvals.received).toHaveLength(1);
    const request = approvals.received[0]!.body as { approveUrl: string; drafts: IDataObject[] };
    expect(request.approveUrl).toMatch(/^http:\/\/127\.0\.0\.1\/webhook-waiting\/\S+/);
    // Both buyers may write within the same marketplace second; the watcher then orders the two
    // events by chat, not by who wrote first, and the example does not depend on the order.
    expect(request.drafts).toHaveLength(2);
    expect(request.drafts).toEqual(
      expect.arrayContaining([
        { chatId: a, question: 'Is the blue one in stock?', text: 'Yes: Is the blue one in stock?' },
        { chatId: b, question: 'Do you deliver on Sunday?', text: 'Yes: Do you deliver on Sunday?' },
      ]),
    );
    // The gate holds: nothing reached the buyers while the execution waits.
    expect(sellerTexts('yandex', a)).toEqual([]);
    expect(sellerTexts('yandex', b)).toEqual([]);

    const done = await wf.resume(waiting, {
      approved: true,
      // The reviewer keeps the draft for the first chat and edits the one for the second.
      answers: [
        request.drafts.find((draft) => draft.chatId === a)!,
        { chatId: b, text: 'Yes, on Sundays too (edited).' },
      ],
    } as IDataObject);
    expectSuccess(done);
    expect(outputOf(done, 'Send approved answer')).toHaveLength(2);
    expect(sellerTexts('yandex', a)).toEqual(['Yes: Is the blue one in stock?']);
    expect(sellerTexts('yandex', b)).toEqual(['Yes, on Sundays too (edited).']);
  });

  it('sends nothing when the approval says no', async () => {
    const { wf, waiting, a, b } = await draftAndWait();
    const done = await wf.resume(waiting, { approved: false });
    expectSuccess(done);
    expect(outputOf(done, 'Approved?', 1)).toHaveLength(1);
    expect(outputOf(done, 'Send approved answer')).toEqual([]);
    expect([...sellerTexts('yandex', a), ...sellerTexts('yandex', b)]).toEqual([]);
  });
});

describe('examples/n8n/unseen-digest.json', () => {
  it('posts one digest naming the unseen Metro and Ozon chats', async () => {
    const [metroChat, ozonChat] = [writableChat('metro'), writableChat('ozon')];
    sandbox.control.buyerWrite('metro', { chatId: metroChat, text: 'hello?' });
    sandbox.control.buyerWrite('ozon', { chatId: ozonChat, text: 'hello?' });
    receiver = await startJsonReceiver();
    const wf = new ImportedWorkflow(example('unseen-digest.json'), credentials(), {
      'Post digest': { url: `${receiver.url}/digest` },
    });
    const run = await wf.runFrom('Every hour', [{ json: { timestamp: new Date().toISOString() } }]);
    expectSuccess(run);
    expect(receiver.received).toHaveLength(1);
    const digest = receiver.received[0]!.body as {
      text: string;
      chats: Array<{ marketplace: string; chatId: string; unread: number }>;
    };
    const keys = digest.chats.map((c) => `${c.marketplace}:${c.chatId}`);
    const listed = [
      ...outputOf(run, 'Metro unseen').map((i) => `metro:${i.json.id}`),
      ...outputOf(run, 'Ozon unseen').map((i) => `ozon:${i.json.id}`),
    ];
    expect(keys).toEqual(listed);
    expect(keys).toContain(`metro:${metroChat}`);
    expect(keys).toContain(`ozon:${ozonChat}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const chat of digest.chats) expect(chat.unread).toBeGreaterThan(0);
    expect(digest.text).toContain(`${keys.length} chats with unseen buyer messages:\n- metro chat `);
  });

  it('posts nothing when no chat is unseen', async () => {
    receiver = await startJsonReceiver();
    // A sandbox with no chats: both lists are empty.
    await sandbox.close();
    sandbox = Object.assign(await startSandbox({ port: 0, seed: 23, chats: 0 }), { metroOrders: () => [] });
    const empty = new ImportedWorkflow(example('unseen-digest.json'), credentials(), {
      'Post digest': { url: `${receiver.url}/digest` },
    });
    const run = await empty.runFrom('Every hour', [{ json: {} }]);
    expectSuccess(run);
    expect(outputOf(run, 'Any unseen?', 1)).toHaveLength(1);
    expect(receiver.received).toEqual([]);
  });
});

describe('examples/n8n/sla-escalation.json', () => {
  it('alerts once about exactly the Metro OVER_SLA chats and the Yandex chats waiting over 24 hours', async () => {
    const answered = sandbox.control
      .threads('metro')
      .filter((t) => t.status === 'WAITING_FOR_BUYER')
      .map((t) => t.chatId);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    const [agedMetro, freshMetro] = [answered[0]!, answered[1]!];
    const yandex = sandbox.control
      .threads('yandex')
      .filter((t) => /WAITING_FOR_(PARTNER|CUSTOMER)/.test(t.status));
    const [agedYandex, freshYandex] = [yandex[0]!.chatId, yandex[1]!.chatId];

    // Written now and answered by nobody for 50 hours.
    setProcessClock(Date.now());
    sandbox.control.buyerWrite('metro', { chatId: agedMetro, text: 'still waiting' });
    sandbox.control.buyerWrite('yandex', { chatId: agedYandex, text: 'still waiting' });
    vi.setSystemTime(Date.now() + 50 * HOUR);
    sandbox.control.buyerWrite('metro', { chatId: freshMetro, text: 'just now' });
    sandbox.control.buyerWrite('yandex', { chatId: freshYandex, text: 'just now' });

    const limit = Date.now() - 24 * HOUR;
    const expected = [
      ...sandbox.control
        .threads('metro')
        .filter((t) => t.status === 'OVER_SLA')
        .map((t) => `metro:${t.chatId}`),
      ...sandbox.control
        .threads('yandex')
        .filter((t) => t.status === 'WAITING_FOR_PARTNER' && Date.parse(t.lastMessageAt ?? '') < limit)
        .map((t) => `yandex:${t.chatId}`),
    ].sort();
    expect(expected).toContain(`metro:${agedMetro}`);
    expect(expected).toContain(`yandex:${agedYandex}`);
    expect(expected).not.toContain(`metro:${freshMetro}`);
    expect(expected).not.toContain(`yandex:${freshYandex}`);

    receiver = await startJsonReceiver();
    const wf = new ImportedWorkflow(example('sla-escalation.json'), credentials(), {
      'Post alert': { url: `${receiver.url}/alert` },
    });
    const run = await wf.runFrom('Every hour', [{ json: {} }]);
    expectSuccess(run);
    expect(receiver.received).toHaveLength(1);
    const alert = receiver.received[0]!.body as { chats: Array<{ marketplace: string; chatId: string }> };
    expect(alert.chats.map((c) => `${c.marketplace}:${c.chatId}`).sort()).toEqual(expected);
  });
});
