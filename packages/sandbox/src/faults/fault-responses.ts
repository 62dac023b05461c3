import { marketplaceError } from '../server/error-shapes.js';
import type { MarketplaceModule, SandboxResponse } from '../types.js';
import type { FaultRecord } from './fault-types.js';

const RATE_LIMIT_TEXT: Record<number, string> = {
  420: 'Enhance Your Calm',
  429: 'Too Many Requests',
  509: 'Limit Exceeded',
};

const HTML_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/** The answer an injected fault gives in place of the module's, for the faults that answer at all. */
export function faultResponse(module: MarketplaceModule, fault: FaultRecord): SandboxResponse | undefined {
  switch (fault.kind) {
    case 'status':
      if (fault.body !== undefined) return { status: fault.status, body: fault.body };
      return marketplaceError(module, fault.status, 'Injected fault: the service is unavailable');
    case 'rate-limit': {
      const text = RATE_LIMIT_TEXT[fault.status] ?? 'Too Many Requests';
      const response = marketplaceError(module, fault.status, text);
      const headers: Record<string, string> = { ...(response.headers ?? {}) };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      return { ...response, statusText: text, headers };
    }
    case 'html':
      return {
        status: 502,
        headers: { 'content-type': 'text/html' },
        rawBody: HTML_PAGE,
      };
    default:
      return undefined;
  }
}
