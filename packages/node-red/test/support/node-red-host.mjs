// A real, embedded Node-RED 5 runtime in a process of its own, for the tests that need one whole:
// a package installed into its userDir, the admin API, restarts. Usage:
//   node node-red-host.mjs <userDir>
// Prints "READY <port>" once the flows have started; SIGTERM stops the runtime (which flushes the
// context stores) and exits. Listens on 127.0.0.1 only.
import http from 'node:http';
import express from 'express';
import RED from 'node-red';

const userDir = process.argv[2];
if (!userDir) {
  console.error('usage: node node-red-host.mjs <userDir>');
  process.exit(2);
}

const settings = {
  userDir,
  flowFile: 'flows.json',
  // Encrypts flows_cred.json; a fixed test value, not a marketplace credential.
  credentialSecret: 'sellerchat-test-credential-secret',
  httpAdminRoot: '/red',
  httpNodeRoot: '/api',
  uiHost: '127.0.0.1',
  logging: { console: { level: process.env.NODE_RED_LOG ?? 'warn' } },
  editorTheme: { tours: false },
  telemetry: { enabled: false },
  contextStorage: {
    default: { module: 'memory' },
    // NODE_RED_FILE_CONTEXT_CACHE=off: every set is written (temp file, then rename) before its
    // callback runs, so what a node saved survives a SIGKILL; the default caches and flushes every 30 s.
    file:
      process.env.NODE_RED_FILE_CONTEXT_CACHE === 'off'
        ? { module: 'localfilesystem', config: { cache: false } }
        : { module: 'localfilesystem' },
  },
};

const app = express();
const server = http.createServer(app);
RED.init(server, settings);
app.use(settings.httpAdminRoot, RED.httpAdmin);
app.use(settings.httpNodeRoot, RED.httpNode);

// What the leak tests count, read from inside the runtime's process.
app.get('/_test/probe', (_req, res) => {
  const resources = {};
  for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
  const listeners = (emitter) => emitter.eventNames().reduce((n, e) => n + emitter.listenerCount(e), 0);
  const routes = (RED.httpNode._router?.stack ?? []).filter((l) =>
    l.route?.path?.startsWith('/sellerchat/'),
  ).length;
  res.json({
    resources,
    processListeners: listeners(process),
    runtimeListeners: listeners(RED.events),
    routes,
  });
});

const started = new Promise((resolve) => RED.events.once('flows:started', resolve));
// NODE_RED_PORT: a fixed port, for push endpoints that must keep their address across restarts.
server.listen(Number(process.env.NODE_RED_PORT ?? 0), '127.0.0.1', async () => {
  await RED.start();
  await started;
  process.stdout.write(`READY ${server.address().port}\n`);
});

let stopping = false;
process.on('SIGTERM', async () => {
  if (stopping) return;
  stopping = true;
  await RED.stop();
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
