// Points the sandbox's push notifications of Yandex Market and Ozon at the triggers' endpoints on
// Node-RED's HTTP node root; the sandbox then delivers each buyer message there at once.
import { PUSH_PATHS } from './flow.mjs';

/** Returns where each marketplace now pushes to. Call after the deploy: Yandex sends a PING at once. */
export function wirePush(sandbox, httpNodeRoot) {
  const targets = {};
  for (const [marketplace, path] of Object.entries(PUSH_PATHS)) {
    targets[marketplace] = sandbox.control.setPush(marketplace, { url: `${httpNodeRoot}${path}` }).url;
  }
  return targets;
}

/** Push deliveries to a marketplace's endpoint that Node-RED accepted, counted. */
export function acceptedPushes(sandbox, marketplace) {
  return sandbox.control.pushDeliveries(marketplace).filter((delivery) => delivery.ok).length;
}
