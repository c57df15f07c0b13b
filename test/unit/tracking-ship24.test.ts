/**
 * Ship24 adapter against fixtures shaped like Ship24's OpenAPI and docs (see
 * test/fixtures/tracking/ship24/README.md).
 */
import { describe, expect, it } from 'vitest';
import { SHIP24_COURIERS, SHIP24_STATUS, ship24 } from '../../src/domain/tracking';
import { CARRIERS, TRACKING_STATUSES } from '../../src/domain/carriers';
import { comparable, fixture } from '../support/tracking-fixtures';

const KEY = 'test-key';

describe('Ship24 requests', () => {
  it('one POST /trackers/track per number, Bearer key, courierCode when we know it', () => {
    const f = fixture('ship24', 'track-delivered');
    const phases = ship24.requests(f.input, KEY);
    expect(phases.length).toBe(1);
    expect(comparable(phases[0][0])).toEqual(f.request);
    const g = fixture('ship24', 'track-in-transit');
    expect(comparable(ship24.requests(g.input, KEY)[0][0])).toEqual(g.request);
  });

  it('one number per call: a batch of three is one phase of three requests', () => {
    const phases = ship24.requests([{ number: 'A12345' }, { number: 'B12345' }, { number: 'C12345' }], KEY);
    expect(phases.map((p) => p.length)).toEqual([3]);
    expect(phases[0].map((r) => (JSON.parse(r.payload as string) as { trackingNumber: string }).trackingNumber)).toEqual(['A12345', 'B12345', 'C12345']);
    expect(ship24.maxPerCall).toBe(1);
  });
});

describe('Ship24 results', () => {
  it('delivered: newest event, deliveredAt from statistics, carrier from the courier code', () => {
    const f = fixture('ship24', 'track-delivered');
    const out = ship24.parse(0, f.input, f.response);
    expect(out.fatal).toBeUndefined();
    expect(out.results).toEqual([
      {
        number: '9400115901047177598206',
        carrier: 'usps',
        status: 'delivered',
        lastEvent: { time: '2021-03-04T17:12:57', place: 'SAN RAFAEL, CA 94901', text: 'Delivered to the addressee' },
        deliveredAt: '2021-03-04T17:12:57',
        error: null,
      },
    ]);
  });

  it('in transit: picks the newest event whatever the order of the array (time, then order)', () => {
    const f = fixture('ship24', 'track-in-transit');
    const [r] = ship24.parse(0, f.input, f.response).results;
    expect(r.status).toBe('in_transit');
    expect(r.lastEvent).toEqual({ time: '2026-01-03T05:30:00Z', place: 'BRUXELLES X', text: 'Arrivé au centre de tri' });
    expect(r.deliveredAt).toBeNull();
    // fr-post handled it: the detected carrier is La Poste, not the Chronopost we guessed.
    expect(r.carrier).toBe('la_poste');
  });

  it('exception', () => {
    const f = fixture('ship24', 'track-exception');
    const [r] = ship24.parse(0, f.input, f.response).results;
    expect(r).toMatchObject({ status: 'exception', carrier: 'usps', error: null });
    expect(r.lastEvent).toEqual({ time: '2026-01-04T11:33:00', place: 'DENVER, CO 80202', text: 'Return to Sender Processed' });
  });

  it('pending without events: pending, no event, no error (Ship24 has no "unknown number" signal)', () => {
    const f = fixture('ship24', 'track-pending');
    expect(ship24.parse(0, f.input, f.response).results).toEqual([
      { number: 'SHIP24TEST2023H1M00', carrier: undefined, status: 'pending', lastEvent: null, deliveredAt: null, error: null },
    ]);
  });

  it('no tracking at all: unknown number on the row', () => {
    const f = fixture('ship24', 'track-empty');
    expect(ship24.parse(0, f.input, f.response).results[0].error?.code).toBe('unknown_number');
  });

  it('400 validation_error: invalid number, or wrong carrier when it is about courierCode', () => {
    const bad = fixture('ship24', 'track-invalid-number-400');
    expect(ship24.parse(0, bad.input, bad.response).results).toEqual([
      {
        number: 'TEST',
        carrier: undefined,
        status: null,
        lastEvent: null,
        deliveredAt: null,
        error: { code: 'invalid_number', message: "The trackingNumber provided seems invalid. Please make sure it's between 5 and 50 characters, containing only letters, numbers, and hyphens, and without dummy patterns and consecutive numbers." },
      },
    ]);
    const courier = fixture('ship24', 'track-wrong-courier-400');
    expect(ship24.parse(0, courier.input, courier.response).results[0]).toMatchObject({ carrier: 'usps', error: { code: 'wrong_carrier' } });
  });

  it('an errors[] inside an HTTP 200 body is the number\'s error', () => {
    const f = fixture('ship24', 'error-in-200');
    const out = ship24.parse(0, f.input, f.response);
    expect(out.fatal).toBeUndefined();
    expect(out.results[0].error).toEqual({ code: 'invalid_number', message: 'The trackingNumber provided seems invalid.' });
  });

  it('403 quota_limit_reached is quota on the row (existing trackers still answer); another 403 is fatal auth', () => {
    const f = fixture('ship24', 'quota-403');
    const out = ship24.parse(0, f.input, f.response);
    expect(out.fatal).toBeUndefined();
    expect(out.results[0].error).toEqual({ code: 'quota', message: 'No more quota left. Please update your plan.' });
    const other = ship24.parse(0, f.input, { status: 403, headers: {}, body: JSON.stringify({ errors: [{ code: 'forbidden', message: 'Not allowed' }], data: null }) });
    expect(other.fatal).toEqual({ code: 'auth', message: 'Not allowed' });
  });
});

describe('Ship24 failures of the whole call', () => {
  it('429: Retry-After (seconds) wins over the reset headers', () => {
    const f = fixture('ship24', 'rate-limit-429');
    const out = ship24.parse(0, f.input, f.response);
    expect(out.retryAfterMs).toBe(2000);
    expect(out.results[0].error).toEqual({ code: 'provider_error', message: 'Too many requests hit the API too quickly.' });
  });

  it('429 without Retry-After: RateLimit-Reset seconds', () => {
    const f = fixture('ship24', 'rate-limit-429');
    const headers = { ...f.response.headers };
    delete headers['Retry-After'];
    expect(ship24.parse(0, f.input, { ...f.response, headers }).retryAfterMs).toBe(1000);
  });

  it('401 is fatal auth; 5xx is retried; 404 is a fatal provider error', () => {
    const input = [{ number: 'A12345' }];
    expect(ship24.parse(0, input, fixture('ship24', 'auth-401').response)).toEqual({ results: [], fatal: { code: 'auth', message: 'No valid API key provided.' } });
    const busy = ship24.parse(0, input, { status: 502, headers: {}, body: 'Bad Gateway' });
    expect([busy.retryAfterMs, busy.results[0].error?.message]).toEqual([1000, 'HTTP 502']);
    expect(ship24.parse(0, input, { status: 404, headers: {}, body: '' }).fatal?.code).toBe('provider_error');
  });
});

describe('Ship24 test connection', () => {
  it('lists one tracker with the key; 200 is ok, 401 is not', () => {
    const f = fixture('ship24', 'test-connection-ok');
    expect(comparable(ship24.testConnection(KEY))).toEqual(f.request);
    expect(ship24.parseTestConnection(f.response)).toEqual({ ok: true, message: '' });
    expect(ship24.parseTestConnection(fixture('ship24', 'auth-401').response)).toEqual({ ok: false, message: 'No valid API key provided.' });
  });
});

describe('Ship24 status map', () => {
  // docs.ship24.com/status: the eight statusMilestone values, written out here on purpose.
  const documented: Record<string, string> = {
    pending: 'pending',
    info_received: 'info_received',
    in_transit: 'in_transit',
    out_for_delivery: 'out_for_delivery',
    failed_attempt: 'attempt_fail',
    available_for_pickup: 'available_for_pickup',
    delivered: 'delivered',
    exception: 'exception',
  };

  it('maps every documented milestone, and nothing else', () => {
    expect(SHIP24_STATUS).toEqual(documented);
    for (const s of Object.keys(SHIP24_STATUS)) expect(TRACKING_STATUSES).toContain(SHIP24_STATUS[s]);
  });

  it('reads each milestone from a /trackers/track answer', () => {
    for (const milestone of Object.keys(documented)) {
      const body = JSON.stringify({ data: { trackings: [{ tracker: { trackingNumber: 'A12345' }, shipment: { statusMilestone: milestone }, events: [], statistics: { timestamps: {} } }] } });
      expect(ship24.parse(0, [{ number: 'A12345' }], { status: 200, headers: {}, body }).results[0].status, milestone).toBe(documented[milestone]);
    }
  });

  it('the courier table only holds our carrier codes', () => {
    const ours = CARRIERS.map((c) => c.code);
    for (const code of Object.keys(SHIP24_COURIERS)) expect(ours).toContain(code);
    expect(SHIP24_COURIERS.usps).toBe('us-post');
  });
});
