import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpResult, RequestSpec } from '../../http/request.js';
import { trackClockOffset } from './clock-offset.js';

function fakeHttp(headers: Array<Record<string, string>>): HttpClient {
  return {
    marketplace: 'ozon',
    baseUrl: 'http://127.0.0.1:1/ozon',
    async request<T>(_spec: RequestSpec): Promise<HttpResult<T>> {
      return { status: 200, headers: headers.shift() ?? {}, data: {} as T, text: '{}' };
    },
  };
}

const spec: RequestSpec = { operation: 'listChats', method: 'POST', path: '/v3/chat/list' };

describe('trackClockOffset', () => {
  it('learns marketplace minus local time from each response Date header', async () => {
    const local = Date.parse('2025-03-01T12:00:00Z');
    const tracked = trackClockOffset(
      fakeHttp([{ date: 'Sat, 01 Mar 2025 12:01:30 GMT' }, {}, { date: 'Sat, 01 Mar 2025 11:59:58 GMT' }]),
      { now: () => local },
    );
    expect(tracked.offsetMs()).toBeUndefined();
    await tracked.http.request(spec);
    expect(tracked.offsetMs()).toBe(90_000);
    await tracked.http.request(spec); // no Date header: the last offset stays
    expect(tracked.offsetMs()).toBe(90_000);
    await tracked.http.request(spec);
    expect(tracked.offsetMs()).toBe(-2_000);
    expect(tracked.http.baseUrl).toBe('http://127.0.0.1:1/ozon');
  });
});
