/**
 * AfterShip adapter against fixtures shaped like the Tracking API 2026-07 reference (see
 * test/fixtures/tracking/aftership/README.md).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AFTERSHIP_SLUGS, AFTERSHIP_STATUS, aftership, mergePhaseResults } from '../../src/domain/tracking';
import { CARRIERS, TRACKING_STATUSES } from '../../src/domain/carriers';
import { comparable, fixture } from '../support/tracking-fixtures';

const KEY = 'test-key';

afterEach(() => {
  vi.useRealTimers();
});

describe('AfterShip requests', () => {
  it('creates each tracking (as-api-key, flat body with slug), then lists the batch in one GET', () => {
    const f = fixture('aftership', 'get-trackings');
    const phases = aftership.requests(f.input, KEY);
    expect(phases.map((p) => p.length)).toEqual([3, 1]);
    expect(comparable(phases[1][0])).toEqual(f.request);
    expect(phases[1][0].payload).toBeUndefined();
    const c = fixture('aftership', 'create-201');
    expect(comparable(aftership.requests(c.input, KEY)[0][0])).toEqual(c.request);
    const w = fixture('aftership', 'create-wrong-slug-4010');
    expect(comparable(aftership.requests(w.input, KEY)[0][0])).toEqual(w.request);
  });

  it('leaves the slug out for carriers it does not know, and encodes numbers in the query', () => {
    const [create, [search]] = aftership.requests([{ number: 'AB/12 3', carrier: 'gofo' }, { number: 'CD-45' }], KEY);
    expect(JSON.parse(create[0].payload as string)).toEqual({ tracking_number: 'AB/12 3' });
    expect(search.url).toBe('https://api.aftership.com/tracking/2026-07/trackings?tracking_numbers=AB%2F12%203,CD-45');
  });

  it('a full batch of 20 is 20 creates in parallel and one list', () => {
    const numbers = Array.from({ length: 20 }, (_, i) => ({ number: 'N' + String(10000 + i) }));
    const phases = aftership.requests(numbers, KEY);
    expect(phases.map((p) => p.length)).toEqual([20, 1]);
    expect(phases[1][0].url.split('=')[1].split(',').length).toBe(20);
  });
});

describe('AfterShip create answers', () => {
  it('201: the created tracking, pending, as a fallback result', () => {
    const f = fixture('aftership', 'create-201');
    expect(aftership.parse(0, f.input, f.response).results).toEqual([
      { number: '61293150000079650811', carrier: 'fedex', status: 'pending', lastEvent: null, deliveredAt: null, error: null },
    ]);
  });

  it('4003 already exists is no error', () => {
    const f = fixture('aftership', 'create-exists-4003');
    expect(aftership.parse(0, f.input, f.response)).toEqual({ results: [] });
  });

  it('4005 invalid number, 4010 wrong slug, 4012 unknown courier go on the row', () => {
    const cases: [string, string][] = [
      ['create-invalid-4005', 'invalid_number'],
      ['create-wrong-slug-4010', 'wrong_carrier'],
      ['create-unknown-4012', 'unknown_number'],
    ];
    for (const [name, code] of cases) {
      const f = fixture('aftership', name);
      const out = aftership.parse(0, f.input, f.response);
      expect(out.fatal, name).toBeUndefined();
      expect(out.results.map((r) => r.error && r.error.code), name).toEqual([code]);
    }
    const f = fixture('aftership', 'create-unknown-4012');
    expect(aftership.parse(0, f.input, f.response).results[0].error?.message).toBe('Unable to import shipment as we don’t recognize the carrier from this tracking number.');
  });

  it('a meta error inside an HTTP 200 body is read like the same error under 400', () => {
    const f = fixture('aftership', 'error-in-200');
    expect(aftership.parse(0, f.input, f.response).results[0].error).toEqual({ code: 'invalid_number', message: 'The value of tracking_number is invalid.' });
  });
});

describe('AfterShip list answers', () => {
  it('delivered and in transit: status, newest checkpoint, deliveredAt; an absent number is not registered', () => {
    const f = fixture('aftership', 'get-trackings');
    expect(aftership.parse(1, f.input, f.response).results).toEqual([
      {
        number: '61293150000079650811',
        carrier: 'fedex',
        status: 'delivered',
        lastEvent: { time: '2022-01-01T23:47:10Z', place: '13th Street, New York, NY 10011, USA, United States', text: 'Package delivered' },
        deliveredAt: '2022-01-29T11:23:00',
        error: null,
      },
      {
        number: '9400111202544843610364',
        carrier: 'usps',
        status: 'in_transit',
        lastEvent: { time: '2026-01-03T23:24:50', place: 'LOS ANGELES, CA, United States', text: 'Arrived at USPS Regional Facility' },
        deliveredAt: null,
        error: null,
      },
      { number: 'LX123456785FR', carrier: undefined, status: null, lastEvent: null, deliveredAt: null, error: { code: 'not_registered', message: 'trackings: []' } },
    ]);
  });

  it('exception, expired, unrecognized courier, and the slug asked for among two trackings', () => {
    const f = fixture('aftership', 'get-trackings-problems');
    const [returning, expired, unknown, twice] = aftership.parse(1, f.input, f.response).results;
    expect(returning).toMatchObject({ status: 'exception', carrier: 'colissimo', error: null });
    expect(returning.lastEvent).toEqual({ time: '2026-01-04T09:05:00Z', place: 'LYON, France', text: "Votre colis est retourné à l'expéditeur" });
    expect(expired).toMatchObject({ status: 'expired', lastEvent: null, error: null });
    expect(unknown).toMatchObject({ status: 'pending', error: { code: 'unknown_number' } });
    expect(twice).toMatchObject({ carrier: 'dhl_express', status: 'out_for_delivery' });
    expect(twice.lastEvent?.place).toBe('BRUSSELS - BELGIUM');
  });

  it('without a slug asked for, the most recently updated tracking of a number wins', () => {
    const f = fixture('aftership', 'get-trackings-problems');
    const [r] = aftership.parse(1, [{ number: '1234567890' }], f.response).results;
    expect(r).toMatchObject({ carrier: 'ups', status: 'in_transit' });
  });

  it('create then list merge: the list result wins over the pending created one', () => {
    const input = [{ number: '61293150000079650811', carrier: 'fedex' }];
    const created = aftership.parse(0, input, fixture('aftership', 'create-201').response).results;
    const listed = aftership.parse(1, input, fixture('aftership', 'get-trackings').response).results;
    expect(mergePhaseResults(input, [created, listed])[0].status).toBe('delivered');
  });
});

describe('AfterShip failures of the whole call', () => {
  it('429: waits until X-RateLimit-Reset (Unix time); every number provider_error', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(1767603600 * 1000));
    const f = fixture('aftership', 'rate-limit-429');
    const out = aftership.parse(1, f.input, f.response);
    expect(out.retryAfterMs).toBe(3000);
    expect(out.results.map((r) => r.error && r.error.code)).toEqual(['provider_error', 'provider_error']);
    expect(out.results[0].error?.message).toBe('You have exceeded the API call rate limit. The default limit is 10 requests per second.');
  });

  it('401 is fatal auth, on either phase', () => {
    const f = fixture('aftership', 'auth-401');
    expect(aftership.parse(0, f.input, f.response)).toEqual({ results: [], fatal: { code: 'auth', message: 'Invalid API key.' } });
    expect(aftership.parse(1, f.input, f.response).fatal?.code).toBe('auth');
  });

  it('5xx and an unreadable 200 are retried; a 404 without meta is a fatal provider error', () => {
    const input = [{ number: 'A12345' }];
    expect(aftership.parse(1, input, { status: 500, headers: {}, body: '' }).retryAfterMs).toBe(1000);
    expect(aftership.parse(1, input, { status: 200, headers: {}, body: 'oops' }).results[0].error?.code).toBe('provider_error');
    expect(aftership.parse(1, input, { status: 404, headers: {}, body: '' }).fatal).toEqual({ code: 'provider_error', message: 'HTTP 404' });
    const odd = aftership.parse(1, input, { status: 400, headers: {}, body: '<html>Bad Request</html>' });
    expect([odd.fatal, odd.retryAfterMs, odd.results[0].error]).toEqual([undefined, undefined, { code: 'provider_error', message: 'HTTP 400' }]);
  });
});

describe('AfterShip test connection', () => {
  it('GET /couriers with the key; meta 200 is ok, 401 is not', () => {
    const f = fixture('aftership', 'test-connection-ok');
    expect(comparable(aftership.testConnection(KEY))).toEqual(f.request);
    expect(aftership.parseTestConnection(f.response)).toEqual({ ok: true, message: '' });
    expect(aftership.parseTestConnection(fixture('aftership', 'auth-401').response)).toEqual({ ok: false, message: 'Invalid API key.' });
  });
});

describe('AfterShip status map', () => {
  // Delivery Statuses page: the nine tags, written out here on purpose.
  const documented: Record<string, string> = {
    Pending: 'pending',
    InfoReceived: 'info_received',
    InTransit: 'in_transit',
    OutForDelivery: 'out_for_delivery',
    AttemptFail: 'attempt_fail',
    AvailableForPickup: 'available_for_pickup',
    Delivered: 'delivered',
    Exception: 'exception',
    Expired: 'expired',
  };

  it('maps every documented tag, and nothing else', () => {
    expect(AFTERSHIP_STATUS).toEqual(documented);
    for (const s of Object.keys(AFTERSHIP_STATUS)) expect(TRACKING_STATUSES).toContain(AFTERSHIP_STATUS[s]);
  });

  it('reads each tag from a list answer', () => {
    for (const tag of Object.keys(documented)) {
      const body = JSON.stringify({ meta: { code: 200 }, data: { trackings: [{ tracking_number: 'A12345', slug: 'ups', tag, checkpoints: [] }] } });
      expect(aftership.parse(1, [{ number: 'A12345' }], { status: 200, headers: {}, body }).results[0].status, tag).toBe(documented[tag]);
    }
  });

  it('the slug table only holds our carrier codes', () => {
    const ours = CARRIERS.map((c) => c.code);
    for (const code of Object.keys(AFTERSHIP_SLUGS)) expect(ours).toContain(code);
  });
});
