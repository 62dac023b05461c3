// Restart reliability (issue 9), push: as restart.test.ts, but the Yandex Market and Ozon triggers
// take push notifications on the host's fixed port (and poll every 2 s to reconcile); the sandbox
// sends notifications while the host is down too, and retries them as the marketplaces do.
//
// What must hold for every buyer message, and why it can: see restart.test.ts.
// The seed of the kill times and of the buyers' choices is printed; RESTART_SEED=<n> replays it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOutcome, RestartScenario } from './support/restart-scenario.js';

const KILLS = 20;
/** RESTART_REDELIVER_S=0 runs the same test with redelivery off: it then finds lost replies. */
const REDELIVER_S = Number(process.env.RESTART_REDELIVER_S ?? 4);
const SEED = Number(process.env.RESTART_SEED ?? Math.floor(Math.random() * 2 ** 31));

const scenario = new RestartScenario({
  redeliverS: REDELIVER_S,
  push: true,
  flowWorkMs: 250,
  chatsPerMarketplace: 5,
});

beforeAll(() => scenario.open(), 90_000);
afterAll(() => scenario.close());

it(`every buyer message gets one reply and one event id across ${KILLS} SIGKILLs of Node-RED, with push`, async () => {
  console.log(`restart test seed ${SEED} (RESTART_SEED=${SEED} replays it)`);
  const outcome = await scenario.run(SEED, KILLS);
  console.log(describeOutcome(SEED, KILLS, outcome));
  expect(outcome.written).toBeGreaterThan(KILLS);
  expect(outcome.pushed).toBeGreaterThan(0); // push was really exercised, not only the reconcile poll
  expect(outcome.errors).toEqual([]);
  expect(outcome.problems).toEqual([]);
}, 240_000);
