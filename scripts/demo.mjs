// `npm run demo`: the sandbox of all four marketplaces, its buyer page, and a live auto-reply bot
// built on @sellerchat/core. Write as a buyer in the page and the bot answers: through push at
// once on Yandex Market and Ozon, through the watcher's poll elsewhere.
//
// Options: --port N (sandbox port, default 4010, 0 = any free), --interval MS (poll interval,
// default 2000), --check (write one buyer message per marketplace, wait for every reply, exit).
import http from 'node:http';
import { parseArgs } from 'node:util';
import { createNodeClient, nodeRuntime } from '../packages/core/dist/axios.js';
import { handleOzonPush, handleYandexPush, MARKETPLACE_NAMES, poll } from '../packages/core/dist/index.js';
import { startSandbox } from '../packages/sandbox/dist/index.js';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    interval: { type: 'string', default: '2000' },
    check: { type: 'boolean', default: false },
  },
});
const intervalMs = Math.max(250, Number(args.interval) || 2000);
const MARKETPLACES = ['metro', 'yandex', 'ozon', 'storeden'];
const PUSH = { yandex: handleYandexPush, ozon: handleOzonPush };

const log = (...parts) => console.log(new Date().toISOString().slice(11, 19), ...parts);

function replyText(event) {
  const name = event.chat.buyer?.name ? `, ${event.chat.buyer.name}` : '';
  const order =
    event.chat.context.orderNumber ?? event.chat.context.orderId ?? event.chat.context.postingNumber;
  const about = order ? ` about order ${order}` : '';
  return `Hello${name}! Thanks for your message${about}. This is the SellerChat demo auto-reply on ${MARKETPLACE_NAMES[event.marketplace]}: a person will follow up shortly.`;
}

async function listen(server, port) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server.address().port;
}

async function start() {
  let sandbox;
  try {
    sandbox = await startSandbox({ port: Number(args.port), seed: 1, chats: 6 });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    log(`port ${args.port} is busy; using a free one`);
    sandbox = await startSandbox({ port: 0, seed: 1, chats: 6 });
  }

  // One bot per marketplace: a client, the watcher's state, and a queue so a push and a poll
  // never run over the same state at once.
  const bots = new Map();
  for (const marketplace of MARKETPLACES) {
    const [credentials] = Object.values(sandbox.control.credentials(marketplace));
    const client = createNodeClient({ marketplace, credentials, baseUrl: `${sandbox.url}/${marketplace}` });
    const first = await poll(client, undefined, { firstRun: 'now', events: 'messages' });
    bots.set(marketplace, { client, state: first.state, queue: Promise.resolve(), replies: 0 });
  }

  const answer = async (marketplace, events) => {
    const bot = bots.get(marketplace);
    for (const event of events) {
      if (event.type !== 'message.received') continue;
      log(
        `${marketplace}: buyer wrote in chat ${event.chat.id}: ${JSON.stringify(event.message.text)} (${event.source})`,
      );
      await bot.client.sendText(event.reply.chatId, replyText(event));
      bot.replies += 1;
      log(`${marketplace}: replied in chat ${event.chat.id}`);
    }
  };

  // Serialises every watcher step of one marketplace, so a push and a poll never run over the
  // same state at once; the state is saved only after the replies went out.
  const step = (marketplace, run, onResult = () => {}) => {
    const bot = bots.get(marketplace);
    const next = bot.queue.then(async () => {
      const result = await run(bot.state);
      onResult(result);
      await answer(marketplace, result.events);
      if (result.state !== undefined) bot.state = result.state;
      return result;
    });
    bot.queue = next.catch((error) => log(`${marketplace}: ${error?.message ?? error}`));
    return next;
  };

  // Push receiver for Yandex Market and Ozon: the sandbox delivers their notifications here.
  const receiver = http.createServer((req, res) => {
    const marketplace = req.url?.split('/')[1];
    const handle = PUSH[marketplace];
    if (!handle || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request = { headers: req.headers, body };
      const options = { events: 'messages', clock: nodeRuntime.clock, name: 'SellerChat demo', version: '1' };
      let answered = false;
      // The marketplace gets its answer before the bot replies: its time limit is 1 to 10 seconds.
      const respond = ({ response }) => {
        answered = true;
        res.writeHead(response.status, response.headers).end(response.body);
      };
      step(
        marketplace,
        (state) => handle(bots.get(marketplace).client, state, request, options),
        respond,
      ).catch(() => {
        if (!answered) res.writeHead(500, { 'content-type': 'application/json' }).end('{}');
      });
    });
  });
  const receiverPort = await listen(receiver, 0);
  for (const marketplace of Object.keys(PUSH)) {
    sandbox.control.setPush(marketplace, { url: `http://127.0.0.1:${receiverPort}/${marketplace}` });
  }

  let stopping = false;
  let timer;
  const pollAll = async () => {
    await Promise.allSettled(
      MARKETPLACES.map((marketplace) =>
        step(marketplace, (state) => poll(bots.get(marketplace).client, state, { events: 'messages' })),
      ),
    );
    if (!stopping) timer = setTimeout(pollAll, intervalMs);
  };
  timer = setTimeout(pollAll, intervalMs);

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    await Promise.allSettled([...bots.values()].map((bot) => bot.queue));
    await new Promise((resolve) => receiver.close(resolve));
    await sandbox.close();
  };
  return { sandbox, bots, stop };
}

async function check({ sandbox, bots }) {
  const results = [];
  for (const marketplace of MARKETPLACES) {
    const [thread] = sandbox.control.threads(marketplace);
    const before = bots.get(marketplace).replies;
    const started = Date.now();
    sandbox.control.buyerWrite(marketplace, {
      chatId: thread.chatId,
      text: 'Hello, is my order on its way?',
    });
    while (bots.get(marketplace).replies === before && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ok = bots.get(marketplace).replies > before;
    results.push({ marketplace, ok, ms: Date.now() - started });
  }
  for (const { marketplace, ok, ms } of results) {
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${marketplace}: ${ok ? `reply after ${ms} ms` : 'no reply within 20 s'}`,
    );
  }
  return results.every((result) => result.ok);
}

const demo = await start();
const { url } = demo.sandbox;
console.log(`
SellerChat demo is running.

  Buyer page:   ${url}/_sandbox/ui
  Sandbox APIs: ${MARKETPLACES.map((m) => `${url}/${m}`).join('\n                ')}

Open the buyer page, pick a marketplace and a chat, and write as the buyer: the auto-reply bot
answers at once on Yandex Market and Ozon (push) and within ${intervalMs / 1000} s elsewhere (polling).
Press Ctrl-C to stop.
`);

if (args.check) {
  const ok = await check(demo);
  await demo.stop();
  process.exit(ok ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.log('\nStopping…');
    await demo.stop();
    process.exit(0);
  });
}
