import { describe, expect, it } from 'vitest';
import { Emulator, EmulatorUnsupported, type HttpRequest } from '../../tools/emulator/index';

const T0 = '2026-01-05T09:00:00Z';
const t0 = Date.parse(T0);

describe('UrlFetchApp routing and defaults', () => {
  it('routes by prefix, RegExp or predicate (first registered route wins) and logs each request', () => {
    const emu = new Emulator({ now: T0 });
    emu.http
      .route('https://api.carrier.com/track/', (req) => ({ status: 200, body: `prefix:${req.url}` }))
      .route(/\/rates\?/, () => ({ status: 200, body: 'regexp' }))
      .route((req) => req.method === 'POST', () => ({ status: 201, body: 'predicate' }))
      .route('https://api.carrier.com/', () => ({ status: 200, body: 'never (a later route)' }));
    const texts = emu.run({ user: 'a@example.com' }, () => [
      UrlFetchApp.fetch('https://api.carrier.com/track/1Z999').getContentText(),
      UrlFetchApp.fetch('https://api.carrier.com/rates?from=FR').getContentText(),
      UrlFetchApp.fetch('https://other.example.org/x', { method: 'post', payload: 'p' }).getContentText(),
    ]);
    expect(texts).toEqual(['prefix:https://api.carrier.com/track/1Z999', 'regexp', 'predicate']);
    expect(emu.http.requests.map((r) => [r.method, r.url, r.status, r.at, r.user])).toEqual([
      ['GET', 'https://api.carrier.com/track/1Z999', 200, new Date(t0).toISOString(), 'a@example.com'],
      ['GET', 'https://api.carrier.com/rates?from=FR', 200, new Date(t0 + 200).toISOString(), 'a@example.com'],
      ['POST', 'https://other.example.org/x', 201, new Date(t0 + 400).toISOString(), 'a@example.com'],
    ]);
    expect(emu.counters.calls['UrlFetchApp.fetch']).toBe(3);
    expect(emu.counters.calls['HTTPResponse.getContentText']).toBe(3);
  });

  it('applies the defaults: GET, no payload; object payload form-encoded; string payload as given', () => {
    const emu = new Emulator();
    const seen: HttpRequest[] = [];
    emu.http.route('https://h.example.com/', (req) => (seen.push(req), { status: 200, body: 'ok' }));
    emu.run({}, () => {
      UrlFetchApp.fetch('https://h.example.com/a');
      UrlFetchApp.fetch('https://h.example.com/b', { method: 'post', payload: { sku: 'A 1', qty: 3, note: 'é&=' } });
      UrlFetchApp.fetch('https://h.example.com/c', {
        method: 'put',
        contentType: 'application/json',
        payload: JSON.stringify({ qty: 3 }),
        headers: { Authorization: 'Bearer t' },
      });
      UrlFetchApp.fetch('https://h.example.com/d', { payload: 'raw=1' });
      UrlFetchApp.fetch('https://h.example.com/e f');
    });
    expect(seen).toEqual([
      { url: 'https://h.example.com/a', method: 'GET', headers: {}, payload: '', contentType: '' },
      {
        url: 'https://h.example.com/b',
        method: 'POST',
        headers: {},
        payload: 'sku=A+1&qty=3&note=%C3%A9%26%3D',
        contentType: 'application/x-www-form-urlencoded',
      },
      { url: 'https://h.example.com/c', method: 'PUT', headers: { Authorization: 'Bearer t' }, payload: '{"qty":3}', contentType: 'application/json' },
      { url: 'https://h.example.com/d', method: 'GET', headers: {}, payload: 'raw=1', contentType: 'application/x-www-form-urlencoded' },
      { url: 'https://h.example.com/e%20f', method: 'GET', headers: {}, payload: '', contentType: '' },
    ]);
  });

  it('serialises object bodies as JSON and exposes code, text, headers and bytes', () => {
    const emu = new Emulator();
    emu.http.route('https://api.example.com/', () => ({
      status: 200,
      headers: { 'X-Rate': '10', 'Set-Cookie': ['a=1', 'b=2'] },
      body: { sku: 'A-1', name: 'Thé' },
    }));
    const out = emu.run({}, () => {
      const res = UrlFetchApp.fetch('https://api.example.com/items/A-1');
      return {
        code: res.getResponseCode(),
        json: JSON.parse(res.getContentText()),
        headers: res.getHeaders(),
        all: res.getAllHeaders(),
        bytes: res.getContent().slice(-5),
      };
    });
    expect(out.code).toBe(200);
    expect(out.json).toEqual({ sku: 'A-1', name: 'Thé' });
    expect(out.headers).toEqual({ 'X-Rate': '10', 'Set-Cookie': ['a=1', 'b=2'], 'Content-Type': 'application/json' });
    expect(out.all).toEqual(out.headers);
    expect(out.bytes).toEqual([104, -61, -87, 34, 125]); // h, é (C3 A9 as signed bytes), ", }
  });

  it('an unmatched URL throws a DNS error (and is still logged)', () => {
    const emu = new Emulator();
    expect(() => emu.run({}, () => UrlFetchApp.fetch('https://nowhere.example.net/x'))).toThrow('DNS error: https://nowhere.example.net/x');
    expect(emu.http.requests.map((r) => [r.url, r.status])).toEqual([['https://nowhere.example.net/x', null]]);
    expect(() => emu.run({}, () => UrlFetchApp.fetch('ftp://files.example.com/'))).toThrow('Invalid argument: ftp://files.example.com/');
  });
});

describe('UrlFetchApp HTTP errors', () => {
  const long = 'E'.repeat(140) + '0123456789ABCDEF';
  const setup = () => {
    const emu = new Emulator();
    emu.http.route('https://api.example.com/short', () => ({ status: 404, body: '{"error":"not found"}' }));
    emu.http.route('https://api.example.com:8443/long', () => ({ status: 500, body: long }));
    return emu;
  };

  it('status >= 400 throws the "Request failed" message unless muteHttpExceptions', () => {
    const emu = setup();
    expect(() => emu.run({}, () => UrlFetchApp.fetch('https://api.example.com/short?id=1'))).toThrow(
      'Request failed for https://api.example.com returned code 404. Truncated server response: {"error":"not found"} (use muteHttpExceptions option to examine full response)',
    );
    expect(() => emu.run({}, () => UrlFetchApp.fetch('https://api.example.com:8443/long'))).toThrow(
      `Request failed for https://api.example.com:8443 returned code 500. Truncated server response: ${long.slice(0, 147)}... (use muteHttpExceptions option to examine full response)`,
    );
    const muted = emu.run({}, () => {
      const res = UrlFetchApp.fetch('https://api.example.com:8443/long', { muteHttpExceptions: true });
      return [res.getResponseCode(), res.getContentText()];
    });
    expect(muted).toEqual([500, long]);
  });

  it('the error is an Exception (String(e) reads "Exception: Request failed ...")', () => {
    const emu = setup();
    const s = emu.run({}, () => {
      try {
        UrlFetchApp.fetch('https://api.example.com/short');
        return 'no error';
      } catch (e) {
        return String(e);
      }
    });
    expect(s).toMatch(/^Exception: Request failed for https:\/\/api\.example\.com returned code 404\./);
  });

  it('follows redirects by default; followRedirects: false returns the 3xx response', () => {
    const emu = new Emulator();
    emu.http.route('https://a.example.com/old', () => ({ status: 302, headers: { Location: '/new' }, body: '' }));
    emu.http.route('https://a.example.com/new', (req) => ({ status: 200, body: `${req.method} new` }));
    const [followed, notFollowed] = emu.run({}, () => [
      UrlFetchApp.fetch('https://a.example.com/old', { method: 'post', payload: 'x' }).getContentText(),
      UrlFetchApp.fetch('https://a.example.com/old', { followRedirects: false }).getResponseCode(),
    ]);
    expect([followed, notFollowed]).toEqual(['GET new', 302]);
    expect(emu.http.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://a.example.com/old',
      'GET https://a.example.com/new',
      'GET https://a.example.com/old',
    ]);
  });
});

describe('UrlFetchApp manifest allowlist, quota, scope', () => {
  it('with urlFetchWhitelist, a URL outside every prefix is refused before anything is sent', () => {
    const emu = new Emulator({ urlFetchWhitelist: ['https://api.carrier.com/v1/', 'https://*.shop.com/api/'] });
    emu.http.route(/./, () => ({ status: 200, body: 'ok' }));
    const ok = emu.run({}, () => [
      UrlFetchApp.fetch('https://api.carrier.com/v1/track').getContentText(),
      UrlFetchApp.fetch('https://eu.shop.com/api/orders').getContentText(),
    ]);
    expect(ok).toEqual(['ok', 'ok']);
    expect(() => emu.run({}, () => UrlFetchApp.fetch('https://api.carrier.com/v2/track'))).toThrow(
      'Request to https://api.carrier.com/v2/track failed because the URL has not been whitelisted in the script manifest.',
    );
    expect(() => emu.run({}, () => UrlFetchApp.fetch('https://shop.com/api/orders'))).toThrow(/not been whitelisted/);
    expect(emu.http.requests).toHaveLength(2);
  });

  it('counts daily calls per user and throws past the quota; each fetchAll request counts', () => {
    const emu = new Emulator({ urlFetchQuota: 3 });
    emu.http.route(/./, () => ({ status: 200, body: 'ok' }));
    emu.run({ user: 'a@x.com' }, () => UrlFetchApp.fetchAll(['https://h.example.com/1', 'https://h.example.com/2']));
    emu.run({ user: 'a@x.com' }, () => UrlFetchApp.fetch('https://h.example.com/3'));
    expect(() => emu.run({ user: 'a@x.com' }, () => UrlFetchApp.fetch('https://h.example.com/4'))).toThrow(
      'Service invoked too many times for one day: urlfetch.',
    );
    emu.run({ user: 'b@x.com' }, () => UrlFetchApp.fetch('https://h.example.com/5'));
    emu.clock.advance(24 * 3600_000);
    emu.run({ user: 'a@x.com' }, () => UrlFetchApp.fetch('https://h.example.com/6'));
    expect(emu.http.requests.map((r) => r.url.slice(-1))).toEqual(['1', '2', '3', '5', '6']);
  });

  it('needs AuthMode.FULL (script.external_request)', () => {
    const emu = new Emulator();
    expect(() => emu.run({ authMode: 'LIMITED' }, () => UrlFetchApp.fetch('https://h.example.com/'))).toThrow(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(() => emu.run({ authMode: 'NONE' }, () => UrlFetchApp.fetchAll([]))).toThrow(/UrlFetchApp\.fetchAll.*script\.external_request/);
    expect(emu.http.requests).toEqual([]);
  });

  it('blob and byte payloads, getBlob and getRequest are not emulated', () => {
    const emu = new Emulator();
    emu.http.route(/./, () => ({ status: 200, body: 'ok' }));
    expect(() => emu.run({}, () => UrlFetchApp.fetch('https://h.example.com/', { payload: [1, 2] as never }))).toThrow(EmulatorUnsupported);
    expect(() => emu.run({}, () => UrlFetchApp.fetch('https://h.example.com/').getBlob())).toThrow(EmulatorUnsupported);
    expect(() => emu.run({}, () => UrlFetchApp.getRequest('https://h.example.com/'))).toThrow(EmulatorUnsupported);
  });
});

describe('UrlFetchApp latency on the virtual clock', () => {
  it('fetch advances the clock by the latency (default 200 ms, httpLatencyMs, or the handler latencyMs)', () => {
    const emu = new Emulator({ now: T0, httpLatencyMs: 50 });
    emu.http.route('https://slow.example.com/', () => ({ status: 200, body: 'slow', latencyMs: 3000 }));
    emu.http.route('https://fast.example.com/', () => ({ status: 200, body: 'fast' }));
    const times = emu.run({}, () => {
      UrlFetchApp.fetch('https://fast.example.com/');
      const afterFast = Date.now();
      UrlFetchApp.fetch('https://slow.example.com/');
      return [afterFast, Date.now()];
    });
    expect(times).toEqual([t0 + 50, t0 + 3050]);
    expect(new Emulator().options.httpLatencyMs).toBe(200);
  });

  it('fetchAll sends every request at the same time, advances by the slowest, answers in request order', () => {
    const emu = new Emulator({ now: T0 });
    emu.http.route('https://h.example.com/slow', () => ({ status: 200, body: 'slow', latencyMs: 900 }));
    emu.http.route('https://h.example.com/mid', () => ({ status: 200, body: 'mid', latencyMs: 400 }));
    emu.http.route('https://h.example.com/fast', () => ({ status: 200, body: 'fast', latencyMs: 10 }));
    const out = emu.run({}, () => {
      const res = UrlFetchApp.fetchAll([
        'https://h.example.com/slow',
        { url: 'https://h.example.com/fast', method: 'post', payload: { a: 1 } },
        { url: 'https://h.example.com/mid' },
      ]);
      return { texts: res.map((r) => r.getContentText()), isArray: Array.isArray(res), now: Date.now() };
    });
    expect(out).toEqual({ texts: ['slow', 'fast', 'mid'], isArray: true, now: t0 + 900 });
    expect(emu.http.requests.map((r) => [r.url.split('/').pop(), r.at, r.latencyMs])).toEqual([
      ['slow', T0.replace('Z', '.000Z'), 900],
      ['fast', T0.replace('Z', '.000Z'), 10],
      ['mid', T0.replace('Z', '.000Z'), 400],
    ]);
  });

  it('fetchAll throws for the first failing request unless that request mutes it', () => {
    const emu = new Emulator();
    emu.http.route('https://h.example.com/ok', () => ({ status: 200, body: 'ok' }));
    emu.http.route('https://h.example.com/bad', () => ({ status: 503, body: 'down' }));
    expect(() => emu.run({}, () => UrlFetchApp.fetchAll(['https://h.example.com/ok', 'https://h.example.com/bad']))).toThrow(
      'Request failed for https://h.example.com returned code 503. Truncated server response: down (use muteHttpExceptions option to examine full response)',
    );
    const codes = emu.run({}, () =>
      UrlFetchApp.fetchAll(['https://h.example.com/ok', { url: 'https://h.example.com/bad', muteHttpExceptions: true }]).map((r) => r.getResponseCode()),
    );
    expect(codes).toEqual([200, 503]);
  });
});
