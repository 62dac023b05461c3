#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startSandbox } from './start-sandbox.js';

const USAGE = `Usage: sellerchat-sandbox [--port 4010] [--host 127.0.0.1] [--seed 1] [--chats 5]

Starts local emulators of the Metro Markets, Yandex Market, Ozon and Storeden chat APIs,
a buyer web page and the /_sandbox control API. Ctrl-C stops it.`;

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number (got "${value}")`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      chats: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox({
    port: integer('port', values.port, 4010),
    host: values.host ?? '127.0.0.1',
    seed: integer('seed', values.seed, 1),
    chats: integer('chats', values.chats, 5),
  });
  const lines = [`SellerChat sandbox on ${sandbox.url}`, ''];
  for (const info of sandbox.control.marketplaces()) {
    lines.push(`${info.id.padEnd(9)} ${info.baseUrl}`);
    // Sandbox-only credentials, printed on purpose: they open nothing outside this process.
    for (const [label, values] of Object.entries(sandbox.control.credentials(info.id))) {
      const pairs = Object.entries(values).map(([name, value]) => `${name}=${value}`);
      lines.push(`          ${label}: ${pairs.join('  ')}`);
    }
  }
  lines.push(
    '',
    `Buyer page:  ${sandbox.buyerPageUrl}`,
    `Control API: ${sandbox.url}/_sandbox`,
    '',
    'Ctrl-C stops.',
  );
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
