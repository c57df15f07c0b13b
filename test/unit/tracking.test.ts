/**
 * Tracking providers, the shared parts: the registry, batching, Retry-After and backoff,
 * time normalization and the merge of phase results. Provider adapters have their own files.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE_DELAY_MS,
  MAX_DELAY_MS,
  PROVIDERS,
  backoffMs,
  batchForRequest,
  isProviderId,
  mergePhaseResults,
  planBatches,
  providerFor,
  retryAfterMs,
  retryDelayFromHeaders,
  toIsoTime,
  urlFetchWhitelist,
  type TrackingResult,
} from '../../src/domain/tracking';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

function ok(number: string, status: TrackingResult['status']): TrackingResult {
  return { number, status, lastEvent: null, deliveredAt: null, error: null };
}
function failed(number: string, code: NonNullable<TrackingResult['error']>['code']): TrackingResult {
  return { number, status: null, lastEvent: null, deliveredAt: null, error: { code, message: code } };
}

describe('provider registry', () => {
  it('has the three providers, found by id', () => {
    expect(PROVIDERS.map((p) => p.id)).toEqual(['17track', 'ship24', 'aftership']);
    expect(providerFor('ship24')?.id).toBe('ship24');
    expect(providerFor('17track')?.maxPerCall).toBe(40);
    expect(providerFor('fedex')).toBeUndefined();
    expect(isProviderId('aftership')).toBe(true);
    expect(isProviderId('AfterShip')).toBe(false);
  });

  it('lists https API prefixes ending with a slash for the manifest allowlist, and nothing else', () => {
    expect(urlFetchWhitelist()).toEqual([
      'https://api.17track.net/track/v2.2/',
      'https://api.ship24.com/public/v1/',
      'https://api.aftership.com/tracking/2026-07/',
    ]);
  });

  it('every request and test call of every provider falls under its own prefixes', () => {
    for (const p of PROVIDERS) {
      const urls = [p.testConnection('k').url];
      for (const phase of p.requests([{ number: 'RR123456789CN' }, { number: '1Z999AA10123456784', carrier: 'ups' }].slice(0, p.maxPerCall), 'k')) {
        for (const r of phase) urls.push(r.url);
      }
      for (const u of urls) expect(p.apiPrefixes.some((prefix) => u.indexOf(prefix) === 0), `${p.id}: ${u}`).toBe(true);
    }
  });

  it('declares batch sizes and rate limits from the providers documentation', () => {
    expect(PROVIDERS.map((p) => [p.id, p.maxPerCall, p.requestsPerSecond])).toEqual([
      ['17track', 40, 3],
      ['ship24', 1, 10],
      ['aftership', 20, 6],
    ]);
  });
});

describe('planBatches', () => {
  it('cuts at the maximum, keeping order', () => {
    const numbers = Array.from({ length: 85 }, (_, i) => ({ number: 'N' + String(i).padStart(3, '0') }));
    const batches = planBatches(numbers, 40);
    expect(batches.map((b) => b.length)).toEqual([40, 40, 5]);
    expect(batches[1][0].number).toBe('N040');
    expect(batches[2][4].number).toBe('N084');
  });

  it('drops blanks and asks a repeated number once (first carrier wins)', () => {
    const batches = planBatches(
      [{ number: ' 1z999aa10123456784 ', carrier: 'ups' }, { number: '' }, { number: '1Z999AA10123456784', carrier: 'fedex' }, { number: 'RR123456789CN' }],
      10,
    );
    expect(batches).toEqual([[{ number: '1z999aa10123456784', carrier: 'ups' }, { number: 'RR123456789CN' }]]);
  });

  it('one number per batch when the provider takes one per call; nothing for nothing', () => {
    expect(planBatches([{ number: 'A1234' }, { number: 'B1234' }], 1)).toEqual([[{ number: 'A1234' }], [{ number: 'B1234' }]]);
    expect(planBatches([], 40)).toEqual([]);
    expect(planBatches([{ number: 'A1234' }], 0)).toEqual([[{ number: 'A1234' }]]);
  });
});

describe('backoff and Retry-After', () => {
  it('reads Retry-After as seconds', () => {
    expect(backoffMs(0, '120', NOW)).toBe(120000);
    expect(backoffMs(3, '0', NOW)).toBe(0);
    expect(retryAfterMs('1.5', NOW)).toBe(1500);
  });

  it('reads Retry-After as an HTTP date, from now; a past date means now', () => {
    expect(backoffMs(0, 'Mon, 05 Jan 2026 09:00:30 GMT', NOW)).toBe(30000);
    expect(backoffMs(0, 'Mon, 05 Jan 2026 08:00:00 GMT', NOW)).toBe(0);
  });

  it('falls back to exponential backoff with a cap when the header is missing or unreadable', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(a, undefined, NOW))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(0)).toBe(BASE_DELAY_MS);
    expect(backoffMs(10, null, NOW)).toBe(MAX_DELAY_MS);
    expect(backoffMs(1000, '', NOW)).toBe(MAX_DELAY_MS);
    expect(backoffMs(2, 'soon', NOW)).toBe(4000);
    expect(backoffMs(1, '-5', NOW)).toBe(2000);
    expect(backoffMs(-3, undefined, NOW)).toBe(1000);
  });

  it('finds the wait in Retry-After, then RateLimit-Reset (seconds), then X-RateLimit-Reset (Unix time), whatever the case', () => {
    expect(retryDelayFromHeaders({ 'retry-after': '2', 'X-RateLimit-Reset': String(NOW / 1000 + 60) }, NOW)).toBe(2000);
    expect(retryDelayFromHeaders({ 'RateLimit-Reset': '3' }, NOW)).toBe(3000);
    expect(retryDelayFromHeaders({ 'x-ratelimit-reset': String(NOW / 1000 + 4) }, NOW)).toBe(4000);
    expect(retryDelayFromHeaders({ 'X-RateLimit-Reset': String(NOW / 1000 - 4) }, NOW)).toBe(0);
    expect(retryDelayFromHeaders({}, NOW)).toBeNull();
    expect(retryDelayFromHeaders(undefined, NOW)).toBeNull();
  });
});

describe('toIsoTime', () => {
  it('converts times with a zone to UTC', () => {
    expect(toIsoTime('2022-04-04T16:35:22-07:00')).toBe('2022-04-04T23:35:22Z');
    expect(toIsoTime('2022-04-04T23:35:22Z')).toBe('2022-04-04T23:35:22Z');
    expect(toIsoTime('2021-03-04T10:12:57.000Z')).toBe('2021-03-04T10:12:57Z');
    expect(toIsoTime('2021-03-04T10:12:57.250Z')).toBe('2021-03-04T10:12:57.250Z');
    expect(toIsoTime('2026-01-03T06:30:00+0100')).toBe('2026-01-03T05:30:00Z');
    expect(toIsoTime('2026-01-03T06:30+01')).toBe('2026-01-03T05:30:00Z');
  });

  it('keeps carrier-local times and dates as they are, normalized', () => {
    expect(toIsoTime('2021-03-04T17:12:57')).toBe('2021-03-04T17:12:57');
    expect(toIsoTime('2015-10-22 14:46')).toBe('2015-10-22T14:46:00');
    expect(toIsoTime('2021-03-04')).toBe('2021-03-04');
  });

  it('gives null for what is not a date-time', () => {
    for (const bad of [null, undefined, '', 'yesterday', '2021-13-04', '2021-03-04T25:00:00', 20210304]) expect(toIsoTime(bad)).toBeNull();
  });
});

describe('phases', () => {
  const batch = [{ number: 'A1234' }, { number: 'B1234' }, { number: 'C1234' }];

  it('maps each request of a phase to the numbers it covers', () => {
    expect(batchForRequest(1, batch, 0)).toEqual(batch);
    expect(batchForRequest(3, batch, 1)).toEqual([{ number: 'B1234' }]);
    expect(() => batchForRequest(2, batch, 0)).toThrow();
    expect(() => batchForRequest(3, batch, 3)).toThrow();
  });

  it('merges: the last result without error wins, else the first error; unanswered numbers are left out', () => {
    const merged = mergePhaseResults(batch, [
      [failed('a1234', 'quota'), failed('B1234', 'unknown_number')],
      [ok('A1234', 'in_transit'), failed('B1234', 'not_registered')],
    ]);
    expect(merged.map((r) => [r.number, r.status, r.error && r.error.code])).toEqual([
      ['A1234', 'in_transit', null],
      ['B1234', null, 'unknown_number'],
    ]);
  });
});
