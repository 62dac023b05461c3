// The demo on --host n8n: the sandbox, then n8n with the auto-reply workflows, then the sandbox's
// push notifications of Yandex Market and Ozon pointed at the push workflows' webhooks.
import { check } from './check.mjs';
import { startN8n } from './n8n-host.mjs';
import { N8N_PUSH, pushUrl } from './n8n-workflow.mjs';
import { startDemoSandbox } from './sandbox.mjs';

/** n8n's shortest polling interval: Metro Markets and Storeden answer within it. */
export const N8N_POLL_INTERVAL_MS = 60_000;

export async function startN8nDemo({ bin, marketplaces, sandboxPort, n8nPort, log, verbose }) {
  const sandbox = await startDemoSandbox(sandboxPort, log);
  let n8n;
  try {
    n8n = await startN8n({ bin, sandbox, marketplaces, port: n8nPort, log, verbose });
    for (const marketplace of N8N_PUSH.filter((m) => marketplaces.includes(m))) {
      sandbox.control.setPush(marketplace, { url: pushUrl(n8n.origin, marketplace) });
    }
  } catch (error) {
    await n8n?.stop();
    await sandbox.close();
    throw error;
  }
  let stopped;
  // n8n first: its pollers must not poll a sandbox that is already gone.
  const stop = () => {
    stopped ??= n8n.stop().then(() => sandbox.close());
    return stopped;
  };
  return { sandbox, n8n, stop };
}

/** `npm run demo -- --host n8n`: prints the URLs, then runs --check and exits, or waits for Ctrl-C. */
export async function runN8nDemo({ bin, marketplaces, args, log }) {
  const demo = await startN8nDemo({
    bin,
    marketplaces,
    sandboxPort: Number(args.port),
    n8nPort: Number(args['n8n-port']),
    log,
    verbose: args.verbose,
  });
  const { sandbox, n8n } = demo;
  console.log(`
SellerChat demo is running: the sandbox of four marketplaces and your n8n with n8n-nodes-sellerchat.

  Buyer page:       ${sandbox.buyerPageUrl}
  n8n editor:       ${n8n.editorUrl}  (first visit: create this demo instance's owner account)
  n8n:              ${bin}, user folder ${n8n.userFolder}
  Sandbox APIs:     ${marketplaces.map((m) => `${sandbox.url}/${m}`).join('\n                    ')}

Open the buyer page, pick a marketplace and a chat, and write as the buyer: the n8n workflows
answer at once on Yandex Market and Ozon (push) and within a minute elsewhere (polling every
minute, the shortest interval n8n allows). Press Ctrl-C to stop.
`);
  if (args.check) {
    let ok = false;
    try {
      ok = await check(sandbox, marketplaces, N8N_POLL_INTERVAL_MS, {
        host: 'n8n',
        replyTimeoutMs: N8N_POLL_INTERVAL_MS + 20_000,
      });
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
  // Until a signal: the caller must not go on.
  await new Promise(() => {});
}
