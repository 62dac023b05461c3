// A real Node-RED 5 runtime embedded in a process of its own (RED.init on our HTTP server), so the
// demo stops it by one signal and nothing of it stays in the demo's process. Usage:
//   node node-red-host.mjs <userDir> <port> [log level, default error]
// Prints "READY <port>" once the runtime has started. SIGINT, SIGTERM or the end of stdin (the
// demo is gone) stop the runtime and exit. Listens on 127.0.0.1 only.

import http from 'node:http';
import { createRequire } from 'node:module';

// node-red and express are devDependencies of packages/node-red: resolve them from there.
const require = createRequire(new URL('../../packages/node-red/package.json', import.meta.url));
const RED = require('node-red');
const express = require('express');

const [userDir, portArg = '0', logLevel = 'error'] = process.argv.slice(2);
if (!userDir) {
  console.error('usage: node node-red-host.mjs <userDir> <port>');
  process.exit(2);
}

const settings = {
  userDir,
  flowFile: 'flows.json',
  // Encrypts flows_cred.json in the demo's userDir; a demo value, not a marketplace credential.
  credentialSecret: 'sellerchat-demo-credential-secret',
  httpAdminRoot: '/red',
  httpNodeRoot: '/api',
  logging: { console: { level: logLevel } },
  editorTheme: { tours: false },
  telemetry: { enabled: false },
};

const app = express();
const server = http.createServer(app);
RED.init(server, settings);
app.get('/', (_req, res) => res.redirect(settings.httpAdminRoot));
app.use(settings.httpAdminRoot, RED.httpAdmin);
app.use(settings.httpNodeRoot, RED.httpNode);

function listen(port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

try {
  await listen(Number(portArg));
} catch (error) {
  if (error?.code !== 'EADDRINUSE') throw error;
  console.error(`port ${portArg} is busy; Node-RED takes a free one`);
  await listen(0);
}
await RED.start();
process.stdout.write(`READY ${server.address().port}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await RED.stop();
  server.closeAllConnections();
  server.close(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
