import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { chooseAuthenticate } from './authentication.js';
import { createFakeRuntime } from './fake-runtime.js';
import type { Authenticate } from './options.js';
import type { TransportRequest } from './transport.js';

const own: Authenticate = (request) => ({ ...request, headers: { ...request.headers, 'Api-Key': 'k' } });
const request: TransportRequest = { method: 'GET', url: 'http://127.0.0.1/x', headers: {}, timeoutMs: 1000 };
const runtime = createFakeRuntime({ mode: 'auto' });

describe('chooseAuthenticate', () => {
  it("adds the core's headers by default and with 'core'", async () => {
    for (const mode of [undefined, 'core']) {
      const signed = await chooseAuthenticate('yandex', mode, () => own)(request, runtime);
      expect(signed.headers).toEqual({ 'Api-Key': 'k' });
    }
  });

  it("leaves the request as built with 'host', never asking for the core's own", async () => {
    let built = false;
    const authenticate = chooseAuthenticate('ozon', 'host', () => {
      built = true;
      return own;
    });
    expect(await authenticate(request, runtime)).toEqual(request);
    expect(built).toBe(false);
  });

  it('refuses an unknown mode, naming the field, the choices and the marketplace', () => {
    const refused = (() => {
      try {
        chooseAuthenticate('metro', 'n8n', () => own);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({
      marketplace: 'metro',
      field: 'authentication',
      message: 'Metro Markets: authentication must be one of core, host',
    });
  });
});
