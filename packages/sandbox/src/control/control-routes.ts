import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../server/read-body.js';
import type { SandboxCore } from '../server/sandbox-core.js';
import { writeJson, writeSerialized } from '../server/write-response.js';
import { buyerPageCss } from '../ui/buyer-page-css.js';
import { buyerPageHtml } from '../ui/buyer-page-html.js';
import { buyerPageScript } from '../ui/buyer-page-script.js';
import { badInput, ControlError } from './control-error.js';
import type { SandboxControl } from './sandbox-control.js';

interface RouteContext {
  control: SandboxControl;
  core: SandboxCore;
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  body: () => unknown;
  origin: string;
}

interface Route {
  method: string;
  pattern: RegExp;
  run(context: RouteContext): unknown;
}

const MP = '([a-z]+)';
const SEGMENT = '([^/]+)';

function route(method: string, path: string, run: Route['run']): Route {
  return { method, pattern: new RegExp(`^${path}$`), run };
}

function staticText(res: ServerResponse, type: string, text: string): void {
  writeSerialized(res, {
    status: 200,
    statusText: 'OK',
    headers: { 'content-type': type, 'cache-control': 'no-store' },
    body: Buffer.from(text, 'utf8'),
  });
}

/** Routes under /_sandbox. A handler returns its JSON answer, or answers itself (pages, files, events). */
const ROUTES: Route[] = [
  route('GET', '', ({ control, origin }) => ({
    marketplaces: control.marketplaces(),
    buyerPage: `${origin}/_sandbox/ui`,
    events: `${origin}/_sandbox/events`,
  })),
  route('GET', '/health', () => ({ ok: true })),
  route('GET', '/ui/?', ({ res }) => {
    staticText(res, 'text/html; charset=utf-8', buyerPageHtml());
    return null;
  }),
  route('GET', '/ui/buyer\\.css', ({ res }) => {
    staticText(res, 'text/css; charset=utf-8', buyerPageCss);
    return null;
  }),
  route('GET', '/ui/buyer\\.js', ({ res }) => {
    staticText(res, 'text/javascript; charset=utf-8', buyerPageScript);
    return null;
  }),
  route('GET', '/events', ({ core, req, res }) => {
    core.events.attach(req, res);
    return null;
  }),
  route('GET', `/files/${SEGMENT}`, ({ control, res, params }) => {
    const file = control.file(params[0] ?? '');
    const name = encodeURIComponent(file.name);
    writeSerialized(res, {
      status: 200,
      statusText: 'OK',
      headers: {
        'content-type': file.mimeType,
        'content-disposition': `inline; filename*=UTF-8''${name}`,
        'cache-control': 'no-store',
      },
      body: file.data,
    });
    return null;
  }),
  route('GET', '/marketplaces', ({ control }) => control.marketplaces()),
  route('POST', '/reset', ({ control }) => {
    control.reset();
    return { ok: true };
  }),
  route('GET', '/seed', ({ core }) => core.currentSeed),
  route('POST', '/seed', ({ control, body }) => control.seed(body() as never)),
  route('GET', '/faults', ({ control }) => control.faults()),
  route('POST', '/faults', ({ control, body }) => control.addFault(body())),
  route('DELETE', '/faults', ({ control }) => {
    control.clearFaults();
    return { ok: true };
  }),
  route('GET', '/clock', ({ control }) => control.clock()),
  route('POST', '/clock', ({ control, body }) => control.setClock(body() as never)),
  route('GET', `/${MP}/credentials`, ({ control, params }) => control.credentials(params[0] ?? '')),
  route('GET', `/${MP}/settings`, ({ control, params }) => control.settings(params[0] ?? '')),
  route('POST', `/${MP}/settings`, ({ control, params, body }) =>
    control.configure(params[0] ?? '', body() as Record<string, unknown>),
  ),
  route('GET', `/${MP}/threads`, ({ control, params }) => control.threads(params[0] ?? '')),
  route('GET', `/${MP}/threads/${SEGMENT}`, ({ control, params }) =>
    control.thread(params[0] ?? '', params[1] ?? ''),
  ),
  route('POST', `/${MP}/buyer/messages`, ({ control, params, body }) =>
    control.buyerWrite(params[0] ?? '', body() as never),
  ),
  route('POST', `/${MP}/buyer/chats`, ({ control, params, body }) =>
    control.buyerOpenChat(params[0] ?? '', body() as never),
  ),
  route('POST', `/${MP}/chats/${SEGMENT}/close`, ({ control, params }) => {
    control.closeChat(params[0] ?? '', params[1] ?? '');
    return { ok: true };
  }),
  route('GET', `/${MP}/seller-messages`, ({ control, params }) => control.sellerMessages(params[0] ?? '')),
  route('GET', `/${MP}/push`, ({ control, params }) => control.push(params[0] ?? '') ?? null),
  route('POST', `/${MP}/push`, ({ control, params, body }) =>
    control.setPush(params[0] ?? '', body() as never),
  ),
  route('DELETE', `/${MP}/push`, ({ control, params }) => {
    control.clearPush(params[0] ?? '');
    return { ok: true };
  }),
  route('GET', `/${MP}/push/deliveries`, ({ control, params }) => control.pushDeliveries(params[0] ?? '')),
];

function errorBody(code: string, message: string): unknown {
  return { error: { code, message } };
}

/** Answers one /_sandbox request; `subPath` is the path below /_sandbox. */
export async function routeControl(
  core: SandboxCore,
  control: SandboxControl,
  req: IncomingMessage,
  res: ServerResponse,
  subPath: string,
  options: { maxBodyBytes: number; origin: string },
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const matches = ROUTES.map((candidate) => ({ candidate, match: candidate.pattern.exec(subPath) })).filter(
    (entry) => entry.match !== null,
  );
  const found = matches.find(
    (entry) => entry.candidate.method === method || (method === 'HEAD' && entry.candidate.method === 'GET'),
  );
  if (!found) {
    req.resume();
    if (matches.length > 0) {
      const allowed = [...new Set(matches.map((entry) => entry.candidate.method))].join(', ');
      writeJson(
        res,
        405,
        errorBody('method_not_allowed', `${method} is not allowed here (allowed: ${allowed})`),
        {
          allow: allowed,
        },
      );
    } else {
      writeJson(res, 404, errorBody('not_found', `no control route ${method} /_sandbox${subPath}`));
    }
    return;
  }
  const read = await readBody(req, options.maxBodyBytes);
  if (read.tooLarge) {
    writeJson(res, 413, errorBody('too_large', `body is over ${options.maxBodyBytes} bytes`));
    return;
  }
  const params = (found.match ?? []).slice(1).map((param) => {
    try {
      return decodeURIComponent(param);
    } catch {
      return param;
    }
  });
  const body = (): unknown => {
    const text = read.body.toString('utf8').trim();
    if (text === '') return {};
    try {
      return JSON.parse(text);
    } catch {
      throw badInput('the request body is not valid JSON');
    }
  };
  try {
    const result = await found.candidate.run({
      control,
      core,
      req,
      res,
      params,
      body,
      origin: options.origin,
    });
    // Routes that stream or serve bytes answer themselves; the rest return their JSON.
    if (!res.headersSent && !res.writableEnded) writeJson(res, 200, result);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof ControlError) {
      const code = error.status === 404 ? 'not_found' : error.status === 409 ? 'conflict' : 'bad_request';
      writeJson(res, error.status, errorBody(code, error.message));
    } else {
      writeJson(res, 500, errorBody('internal', error instanceof Error ? error.message : String(error)));
    }
  }
}
