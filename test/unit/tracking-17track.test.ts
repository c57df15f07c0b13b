/**
 * 17TRACK adapter against fixtures shaped like the v2.2 reference (see
 * test/fixtures/tracking/17track/README.md for where each shape comes from).
 */
import { describe, expect, it } from 'vitest';
import { SEVENTEEN_TRACK_CARRIERS, SEVENTEEN_TRACK_STATUS, mergePhaseResults, seventeenTrack } from '../../src/domain/tracking';
import { CARRIERS, TRACKING_STATUSES } from '../../src/domain/carriers';
import { comparable, fixture } from '../support/tracking-fixtures';

const KEY = 'test-key';

describe('17TRACK requests', () => {
  it('registers, then gets track info, with the key in 17token and the documented array body', () => {
    const f = fixture('17track', 'register-mixed');
    const phases = seventeenTrack.requests(f.input, KEY);
    expect(phases.length).toBe(2);
    expect(phases.map((p) => p.length)).toEqual([1, 1]);
    expect(comparable(phases[0][0])).toEqual(f.request);
    const info = fixture('17track', 'gettrackinfo-delivered');
    expect(comparable(seventeenTrack.requests(info.input, KEY)[1][0])).toEqual(info.request);
  });

  it('sends our carrier as 17TRACK numeric key only when the table knows it', () => {
    const body = JSON.parse(seventeenTrack.requests([{ number: 'A12345', carrier: 'colissimo' }, { number: 'B12345', carrier: 'gofo' }], KEY)[0][0].payload as string) as unknown;
    expect(body).toEqual([{ number: 'A12345', carrier: 6051 }, { number: 'B12345' }]);
  });

  it('puts a full batch of 40 in one call per phase', () => {
    const numbers = Array.from({ length: 40 }, (_, i) => ({ number: 'RR' + String(100000000 + i) + 'CN' }));
    const phases = seventeenTrack.requests(numbers, KEY);
    for (const phase of phases) {
      expect(phase.length).toBe(1);
      expect((JSON.parse(phase[0].payload as string) as unknown[]).length).toBe(40);
    }
  });
});

describe('17TRACK register answers', () => {
  it('ignores accepted numbers and "already registered"; reports an invalid format per number', () => {
    const f = fixture('17track', 'register-mixed');
    const out = seventeenTrack.parse(0, f.input, f.response);
    expect(out.fatal).toBeUndefined();
    expect(out.retryAfterMs).toBeUndefined();
    expect(out.results).toEqual([
      { number: 'ABC1', carrier: undefined, status: null, lastEvent: null, deliveredAt: null, error: { code: 'invalid_number', message: 'The format of data ABC1 is invalid.' } },
    ]);
  });

  it('maps carrier-not-detected, wrong carrier code and quota to the row', () => {
    const f = fixture('17track', 'register-rejected');
    expect(comparable(seventeenTrack.requests(f.input, KEY)[0][0])).toEqual(f.request);
    const out = seventeenTrack.parse(0, f.input, f.response);
    expect(out.results.map((r) => [r.number, r.error && r.error.code])).toEqual([
      ['LZ123456789XX', 'unknown_number'],
      ['9400111202544843610364', 'wrong_carrier'],
      ['RB987654321CN', 'quota'],
    ]);
    expect(out.results[1].carrier).toBe('fedex');
  });
});

describe('17TRACK track info', () => {
  it('in transit: status, last event (UTC time, place, text), detected carrier', () => {
    const f = fixture('17track', 'gettrackinfo-in-transit');
    expect(comparable(seventeenTrack.requests(f.input, KEY)[1][0])).toEqual(f.request);
    const out = seventeenTrack.parse(1, f.input, f.response);
    expect(out.results).toEqual([
      {
        number: 'RR123456789CN',
        carrier: undefined, // China Post (3011) is not in our table
        status: 'in_transit',
        lastEvent: { time: '2026-01-03T13:20:00Z', place: 'ROISSY CDG', text: 'Arrivée dans le pays de destination' },
        deliveredAt: null,
        error: null,
      },
    ]);
  });

  it('delivered: deliveredAt from the Delivered milestone, carrier mapped back to ours', () => {
    const f = fixture('17track', 'gettrackinfo-delivered');
    const [r] = seventeenTrack.parse(1, f.input, f.response).results;
    expect(r.status).toBe('delivered');
    expect(r.carrier).toBe('ups');
    expect(r.deliveredAt).toBe('2022-04-04T23:35:22Z');
    expect(r.lastEvent).toEqual({ time: '2022-04-04T23:35:22Z', place: 'GASQUET, CA, US', text: 'DELIVERED' });
    expect(r.error).toBeNull();
  });

  it('exception (returning): time from time_iso, place from the address when location is empty', () => {
    const f = fixture('17track', 'gettrackinfo-exception');
    const [r] = seventeenTrack.parse(1, f.input, f.response).results;
    expect(r.status).toBe('exception');
    expect(r.carrier).toBe('la_poste');
    expect(r.lastEvent).toEqual({ time: '2026-01-04T09:05:00Z', place: 'LYON, FR', text: "Votre colis est retourné à l'expéditeur" });
    expect(r.deliveredAt).toBeNull();
  });

  it('not found: pending without event; invalid code on the row; not registered on the row', () => {
    const f = fixture('17track', 'gettrackinfo-not-found');
    const out = seventeenTrack.parse(1, f.input, f.response);
    const byNumber = new Map(out.results.map((r) => [r.number, r]));
    expect(byNumber.get('RR000000001CN')).toMatchObject({ status: 'pending', lastEvent: null, error: null });
    expect(byNumber.get('XX000000000YY')).toMatchObject({ status: 'pending', error: { code: 'invalid_number', message: 'NotFound_InvalidCode' } });
    expect(byNumber.get('21213123123230')).toMatchObject({ status: null, error: { code: 'not_registered' } });
  });

  it('a number registered a moment ago (no track_info yet) reads pending', () => {
    const body = JSON.stringify({ code: 0, data: { accepted: [{ number: 'RR123456789CN', carrier: 3011, track_info: null }], rejected: [] } });
    const [r] = seventeenTrack.parse(1, [{ number: 'RR123456789CN' }], { status: 200, headers: {}, body }).results;
    expect(r).toMatchObject({ status: 'pending', lastEvent: null, error: null });
  });

  it('register then track info merge: the register error explains the later "not registered"', () => {
    const input = [{ number: 'LZ123456789XX' }];
    const reg = seventeenTrack.parse(0, input, fixture('17track', 'register-rejected').response).results;
    const info = seventeenTrack.parse(1, input, {
      status: 200,
      headers: {},
      body: JSON.stringify({ code: 0, data: { accepted: [], rejected: [{ number: 'LZ123456789XX', error: { code: -18019902, message: 'not registered' } }] } }),
    }).results;
    expect(mergePhaseResults(input, [reg, info])[0].error?.code).toBe('unknown_number');
  });
});

describe('17TRACK failures of the whole call', () => {
  it('429: every number provider_error, retry after the exponential fallback (no Retry-After documented)', () => {
    const f = fixture('17track', 'rate-limit-429');
    const out = seventeenTrack.parse(1, f.input, f.response);
    expect(out.fatal).toBeUndefined();
    expect(out.retryAfterMs).toBe(1000);
    expect(out.results.map((r) => [r.number, r.error && r.error.code, r.error && r.error.message])).toEqual([
      ['RR123456789CN', 'provider_error', 'Too many requests.'],
      ['21213123123230', 'provider_error', 'Too many requests.'],
    ]);
  });

  it('honours a Retry-After header if 17TRACK sends one', () => {
    const f = fixture('17track', 'rate-limit-429');
    expect(seventeenTrack.parse(0, f.input, { ...f.response, headers: { 'Retry-After': '5' } }).retryAfterMs).toBe(5000);
  });

  it('an invalid key inside an HTTP 200 body stops the refresh', () => {
    const f = fixture('17track', 'error-in-200-auth');
    expect(seventeenTrack.parse(0, f.input, f.response)).toEqual({ results: [], fatal: { code: 'auth', message: 'Invalid security key.' } });
  });

  it('an internal error inside an HTTP 200 body is retried', () => {
    const f = fixture('17track', 'error-in-200-internal');
    const out = seventeenTrack.parse(1, f.input, f.response);
    expect(out.fatal).toBeUndefined();
    expect(out.retryAfterMs).toBe(1000);
    expect(out.results[0].error).toEqual({ code: 'provider_error', message: 'Internal service error. Please try again later.' });
  });

  it('quota used up for the whole call is fatal quota', () => {
    const body = JSON.stringify({ code: -18019908, data: { errors: [{ code: -18019908, message: 'Quota exhausted.' }] } });
    expect(seventeenTrack.parse(0, [{ number: 'A12345' }], { status: 200, headers: {}, body }).fatal).toEqual({ code: 'quota', message: 'Quota exhausted.' });
  });

  it('HTTP 401 is fatal auth; 404 and a malformed request are fatal provider errors; 503 and a non-JSON body are retried', () => {
    const input = [{ number: 'A12345' }];
    expect(seventeenTrack.parse(0, input, fixture('17track', 'auth-401').response).fatal?.code).toBe('auth');
    expect(seventeenTrack.parse(0, input, { status: 404, headers: {}, body: '' }).fatal).toEqual({ code: 'provider_error', message: 'HTTP 404' });
    expect(seventeenTrack.parse(0, input, { status: 400, headers: {}, body: '' })).toEqual({ results: [{ number: 'A12345', carrier: undefined, status: null, lastEvent: null, deliveredAt: null, error: { code: 'provider_error', message: 'HTTP 400' } }] });
    const tooMany = JSON.stringify({ code: -18010014, data: { errors: [{ code: -18010014, message: 'Tracking numbers exceed the 40 limit.' }] } });
    expect(seventeenTrack.parse(0, input, { status: 200, headers: {}, body: tooMany }).fatal?.code).toBe('provider_error');
    expect(seventeenTrack.parse(0, input, { status: 503, headers: {}, body: '<html>busy</html>' }).retryAfterMs).toBe(1000);
    const garbled = seventeenTrack.parse(1, input, { status: 200, headers: {}, body: '<html>' });
    expect([garbled.retryAfterMs, garbled.results[0].error?.code]).toEqual([1000, 'provider_error']);
  });
});

describe('17TRACK test connection', () => {
  it('asks gettrackinfo for the example number and reads code 0 as a valid key', () => {
    const f = fixture('17track', 'test-connection-ok');
    expect(comparable(seventeenTrack.testConnection(KEY))).toEqual(f.request);
    expect(seventeenTrack.parseTestConnection(f.response)).toEqual({ ok: true, message: '' });
  });

  it('reads a bad key (401, or an error code under 200) as a failure with the provider text', () => {
    expect(seventeenTrack.parseTestConnection(fixture('17track', 'auth-401').response)).toEqual({ ok: false, message: 'Invalid security key.' });
    expect(seventeenTrack.parseTestConnection(fixture('17track', 'error-in-200-auth').response)).toEqual({ ok: false, message: 'Invalid security key.' });
    expect(seventeenTrack.parseTestConnection({ status: 500, headers: {}, body: '' })).toEqual({ ok: false, message: 'HTTP 500' });
  });
});

describe('17TRACK status map', () => {
  // The nine main statuses of the help centre's status table, written out here on purpose.
  const documented: Record<string, string> = {
    NotFound: 'pending',
    InfoReceived: 'info_received',
    InTransit: 'in_transit',
    Expired: 'expired',
    AvailableForPickup: 'available_for_pickup',
    OutForDelivery: 'out_for_delivery',
    DeliveryFailure: 'attempt_fail',
    Delivered: 'delivered',
    Exception: 'exception',
  };

  it('maps every documented main status, and nothing else', () => {
    expect(SEVENTEEN_TRACK_STATUS).toEqual(documented);
    for (const s of Object.keys(SEVENTEEN_TRACK_STATUS)) expect(TRACKING_STATUSES).toContain(SEVENTEEN_TRACK_STATUS[s]);
  });

  it('reads each main status from a gettrackinfo answer', () => {
    for (const main of Object.keys(documented)) {
      const body = JSON.stringify({ code: 0, data: { accepted: [{ number: 'A12345', carrier: 0, track_info: { latest_status: { status: main, sub_status: main + '_Other' }, latest_event: null } }], rejected: [] } });
      expect(seventeenTrack.parse(1, [{ number: 'A12345' }], { status: 200, headers: {}, body }).results[0].status, main).toBe(documented[main]);
    }
  });

  it('an unknown status leaves the status null rather than guessing', () => {
    const body = JSON.stringify({ code: 0, data: { accepted: [{ number: 'A12345', track_info: { latest_status: { status: 'Teleported' } } }], rejected: [] } });
    expect(seventeenTrack.parse(1, [{ number: 'A12345' }], { status: 200, headers: {}, body }).results[0].status).toBeNull();
  });

  it('the carrier table uses numeric keys for known carrier codes only', () => {
    expect(SEVENTEEN_TRACK_CARRIERS.ups).toBe(100002);
    expect(SEVENTEEN_TRACK_CARRIERS.usps).toBe(21051);
    expect(SEVENTEEN_TRACK_CARRIERS.dhl_express).toBe(100001);
    const ours = CARRIERS.map((c) => c.code);
    for (const code of Object.keys(SEVENTEEN_TRACK_CARRIERS)) {
      expect(ours, code).toContain(code);
      expect(Number.isInteger(SEVENTEEN_TRACK_CARRIERS[code])).toBe(true);
    }
  });
});
