// `npm run demo`: the sandbox of all four marketplaces with its buyer page, and a real embedded
// Node-RED running our nodes, installed from the packed tarball, with an auto-reply flow deployed
// against the sandbox. Write as a buyer in the page and the flow answers: at once through push on
// Yandex Market and Ozon, within the poll interval on Metro and Storeden.
//
// Options: --port N (sandbox port, default 4010, 0 = any free), --node-red-port N (default 1880,
// 0 = any free), --interval MS (poll interval, default 2000, whole seconds in Node-RED),
// --check (one buyer message per marketplace, exactly one reply each, exit 0/1),
// --host node-red|n8n (default node-red; n8n needs an install: N8N_BIN or `n8n` on PATH, see
// scripts/demo/n8n-demo.mjs), --n8n-port N (default 5678, busy or 0 = any free),
// --verbose (Node-RED's or n8n's info log).
import { parseArgs } from 'node:util';
import { check } from './demo/check.mjs';
import { autoReplyFlow, TAB_ID, triggerId } from './demo/flow.mjs';
import { findN8n } from './demo/n8n.mjs';
import { runN8nDemo } from './demo/n8n-demo.mjs';
import { deployFlows, startNodeRed, triggersReady } from './demo/node-red.mjs';
import { installNodes } from './demo/node-red-install.mjs';
import { wirePush } from './demo/push.mjs';
import { MARKETPLACES, startDemoSandbox } from './demo/sandbox.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    'node-red-port': { type: 'string', default: '1880' },
    'n8n-port': { type: 'string', default: '5678' },
    interval: { type: 'string', default: '2000' },
    check: { type: 'boolean', default: false },
    host: { type: 'string', default: 'node-red' },
    verbose: { type: 'boolean', default: false },
  },
});
const intervalS = Math.max(1, Math.round((Number(args.interval) || 2000) / 1000));
const log = (...parts) => console.log(new Date().toISOString().slice(11, 19), ...parts);

if (args.host === 'n8n') {
  const bin = findN8n();
  if (!bin) {
    console.error(
      '--host n8n: no n8n install found (set N8N_BIN to its binary or put `n8n` on PATH). The demo does not install n8n; run it without --host for Node-RED.',
    );
    process.exit(2);
  }
  // Runs until --check is done or Ctrl-C, and exits there: it never falls through to Node-RED.
  await runN8nDemo({ bin, marketplaces: MARKETPLACES, args, log });
}
if (args.host !== 'node-red') {
  console.error(`--host must be node-red or n8n (got "${args.host}")`);
  process.exit(2);
}

async function start() {
  const userDir = installNodes(log);
  const sandbox = await startDemoSandbox(Number(args.port), log);
  let nodeRed;
  try {
    nodeRed = await startNodeRed(
      userDir,
      Number(args['node-red-port']),
      log,
      args.verbose ? 'info' : 'error',
    );
    await deployFlows(nodeRed, autoReplyFlow(sandbox, MARKETPLACES, intervalS));
    await triggersReady(
      nodeRed,
      MARKETPLACES.map((marketplace) => triggerId(marketplace)),
    );
    wirePush(sandbox, nodeRed.httpNodeRoot);
  } catch (error) {
    await nodeRed?.stop();
    await sandbox.close();
    throw error;
  }
  let stopped;
  // Node-RED first: its triggers must not poll a sandbox that is already gone.
  const stop = () => {
    stopped ??= nodeRed.stop().then(() => sandbox.close());
    return stopped;
  };
  return { sandbox, nodeRed, stop };
}

const demo = await start();
const { sandbox, nodeRed } = demo;
console.log(`
SellerChat demo is running: the sandbox of four marketplaces and Node-RED with node-red-contrib-sellerchat.

  Buyer page:       ${sandbox.buyerPageUrl}
  Node-RED editor:  ${nodeRed.editorUrl}#flow/${TAB_ID}
  Sandbox APIs:     ${MARKETPLACES.map((m) => `${sandbox.url}/${m}`).join('\n                    ')}

Open the buyer page, pick a marketplace and a chat, and write as the buyer: the Node-RED flow
answers at once on Yandex Market and Ozon (push) and within ${intervalS} s elsewhere (polling).
Press Ctrl-C to stop.
`);

if (args.check) {
  let ok = false;
  try {
    ok = await check(sandbox, MARKETPLACES, intervalS * 1000);
  } finally {
    await demo.stop();
  }
  process.exit(ok ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.log('\nStopping…');
    await demo.stop();
    console.log('Stopped.');
    process.exit(0);
  });
}
