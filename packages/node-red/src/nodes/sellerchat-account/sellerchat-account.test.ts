import type { MarketplaceId } from '@sellerchat/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allNodes, collect, helper, onTab, statuses, until } from '../../../test/support/node-red.js';
import {
  accountNode,
  MARKETPLACE_LIST,
  openSandbox,
  type RunningSandbox,
} from '../../../test/support/sandbox.js';
import { ACCOUNT_CREDENTIALS, type AccountCredentials } from '../../lib/account-settings.js';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await openSandbox(3);
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
});
afterAll(async () => {
  await helper.stopServer();
  await sb.close();
});

/** Credentials no marketplace accepts, each value unique so any leak is found by a plain search. */
function canaries(marketplace: MarketplaceId): AccountCredentials {
  const c = (field: string) => `CANARY-${marketplace}-${field}-7f3a9c`;
  switch (marketplace) {
    case 'metro':
      return { metroClientKey: c('key'), metroClientSecret: c('secret') };
    case 'yandex':
      return { yandexBusinessId: '11223344', yandexApiKey: `ACMA:${c('apikey')}` };
    case 'ozon':
      return { ozonClientId: '1843105', ozonApiKey: c('apikey') };
    case 'storeden':
      return { storedenKey: c('key'), storedenExchange: c('exchange') };
  }
}

/** A well-formed chat id per marketplace, so the send reaches the marketplace and is refused there. */
const CHAT_IDS: Record<MarketplaceId, string> = {
  metro: '6df5dd9e-ecbe-4b84-b260-2f7002a6404b',
  yandex: '2150000015',
  ozon: 'cf3c96fa-4a58-427b-aa41-34674d1de570',
  storeden: '48618',
};

const SECRET_FIELDS = Object.entries(ACCOUNT_CREDENTIALS)
  .filter(([, d]) => d.type === 'password')
  .map(([k]) => k);

describe('sellerchat-account credentials', () => {
  for (const marketplace of MARKETPLACE_LIST) {
    it(`${marketplace}: refused canary credentials never show in a status, an error, a caught msg or the flows`, async () => {
      const account = accountNode(sb, marketplace);
      const flow = onTab([
        account,
        { id: 'in', type: 'sellerchat-in', account: account.id, interval: 1, wires: [[]] },
        {
          id: 'send',
          type: 'sellerchat-send',
          account: account.id,
          chat: CHAT_IDS[marketplace],
          wires: [[]],
        },
        { id: 'catch', type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
        { id: 'caught', type: 'helper' },
      ]);
      const creds = canaries(marketplace);
      await helper.load(await allNodes(), flow, { [account.id]: creds });
      const inStatus = statuses('in');
      const sendStatus = statuses('send');
      const caught = collect('caught');
      helper.getNode('send').receive({ payload: 'hello' });
      await until(() => caught.length >= 2, 'both errors to reach Catch');
      await until(
        () => inStatus.some((s) => s.fill === 'red') && sendStatus.some((s) => s.fill === 'red'),
        'red statuses',
      );

      const kinds = caught.map((m) => (m.sellerchat as { error: { kind: string } }).error.kind);
      expect(kinds).toEqual(['auth', 'auth']);
      const errorLog = (helper.getNode('in') as unknown as { error: { args: unknown[][] } }).error.args;
      const seen = JSON.stringify({
        statuses: [...inStatus, ...sendStatus],
        caught,
        errors: errorLog.map((a) => [String(a[0]), (a[0] as Error)?.stack]),
        flows: helper._redNodes.getFlows(),
      });
      for (const value of Object.values(creds)) {
        if (value && /CANARY/.test(value)) expect(seen).not.toContain(value.replace(/^ACMA:/, ''));
      }
      // The flow configuration the runtime holds has no credential field of ours at all.
      const flows = JSON.stringify(helper._redNodes.getFlows().flows);
      for (const field of SECRET_FIELDS) expect(flows).not.toContain(field);
    });
  }

  it('serves the capabilities for the edit dialogs', async () => {
    await helper.load(await allNodes(), onTab([accountNode(sb, 'ozon')]), {});
    const res = await helper.request().get('/sellerchat/capabilities').expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['metro', 'ozon', 'storeden', 'yandex']);
    expect(res.body.storeden).toMatchObject({
      sendFile: 'none',
      markRead: 'none',
      startChat: 'none',
      push: false,
    });
    expect(res.body.yandex?.text).toMatchObject({ maxLength: 4096 });
  });
});
