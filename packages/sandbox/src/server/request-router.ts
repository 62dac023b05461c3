import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeControl } from '../control/control-routes.js';
import type { SandboxControl } from '../control/sandbox-control.js';
import type { Lifetime } from './lifetime.js';
import { routeMarketplace } from './marketplace-route.js';
import type { SandboxCore } from './sandbox-core.js';
import { writeJson } from './write-response.js';

export interface RouterDeps {
  core: SandboxCore;
  control: SandboxControl;
  lifetime: Lifetime;
  maxBodyBytes: number;
  origin: () => string;
}

/** Top-level dispatch: /_sandbox → control API, /<marketplace> → module, anything else → 404. */
export async function routeRequest(
  deps: RouterDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const origin = deps.origin();
  let url: URL;
  try {
    url = new URL(req.url ?? '/', origin);
  } catch {
    req.resume();
    writeJson(res, 400, { error: { code: 'bad_request', message: 'The request target is not a valid URL' } });
    return;
  }
  const [, first = '', ...rest] = url.pathname.split('/');
  if (first === '_sandbox') {
    const subPath = rest.length > 0 ? `/${rest.join('/')}` : '';
    await routeControl(deps.core, deps.control, req, res, subPath.replace(/\/+$/, ''), {
      maxBodyBytes: deps.maxBodyBytes,
      origin,
    });
    return;
  }
  const module = deps.core.find(first);
  if (module) {
    await routeMarketplace({ ...deps, module, origin, req, res, url });
    return;
  }
  req.resume();
  const known = deps.core.ids.map((id) => `/${id}`).join(', ');
  writeJson(res, 404, {
    error: {
      code: 'not_found',
      message: `No marketplace at /${first}. Base paths: ${known}; control API: /_sandbox; buyer page: /_sandbox/ui`,
    },
  });
}
