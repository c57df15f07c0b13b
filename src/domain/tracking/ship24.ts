/**
 * Ship24 Tracking API (https://docs.ship24.com, OpenAPI
 * https://docs.ship24.com/assets/openapi/ship24-tracking-api.yaml).
 *
 * One phase, one number per call: POST /public/v1/trackers/track creates the tracker if
 * it does not exist (idempotent for the same fields) and returns its tracking results
 * { data: { trackings: [{ tracker, shipment, events, statistics }] } }. The first call for
 * a number can take up to a minute (Ship24 fetches the courier synchronously). Key as
 * `Authorization: Bearer <key>`. Errors: HTTP 4xx/5xx with { errors: [{ code, message }],
 * data: null }; 429 with Retry-After (seconds); 10 requests per second on this endpoint.
 *
 * Ship24 has no "expired" milestone and no "unknown number" signal: a number it cannot
 * find stays "pending" with no events (docs.ship24.com/status). An empty trackings[] is
 * read as unknown_number.
 */
import { backoffMs, retryDelayFromHeaders } from './retry';
import type { ParseOutcome, ProviderResponse, TrackingNumberInput, TrackingProvider, TrackingResult, TrackingStatus } from './types';
import { errorResult, event, failAll, httpLabel, isObject, list, obj, ourCarrier, parseJson, sameNumber, text, timeKey, toIsoTime, type Json } from './util';

const BASE = 'https://api.ship24.com/public/v1/';

/** shipment.statusMilestone (and events[].statusMilestone), all eight documented values. */
export const SHIP24_STATUS: Readonly<Record<string, TrackingStatus>> = {
  pending: 'pending',
  info_received: 'info_received',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  failed_attempt: 'attempt_fail',
  available_for_pickup: 'available_for_pickup',
  delivered: 'delivered',
  exception: 'exception',
};

/**
 * Our carrier codes -> Ship24 courierCode. PARTIAL: only the codes seen in Ship24's own
 * reference (OpenAPI examples: us-post = USPS, fr-post = La Poste). Others are left out
 * (Ship24 detects the courier) until checked against GET /public/v1/couriers.
 */
export const SHIP24_COURIERS: Readonly<Record<string, string>> = {
  usps: 'us-post',
  la_poste: 'fr-post',
};

function transient(batch: TrackingNumberInput[], response: ProviderResponse, message: string): ParseOutcome {
  const hinted = retryDelayFromHeaders(response.headers);
  return { results: failAll(batch, message), retryAfterMs: hinted === null ? backoffMs(0) : hinted };
}

function firstError(json: Json): { code: string; message: string } {
  const e = obj(list(json.errors)[0]);
  return { code: text(e.code), message: text(e.message) };
}

/** A 4xx (or an errors[] under 2xx) about this one number. */
function numberError(input: TrackingNumberInput, err: { code: string; message: string }, status: number): TrackingResult {
  const message = err.message || err.code || httpLabel(status);
  if (err.code === 'quota_limit_reached') return errorResult(input, 'quota', message);
  if (err.code === 'validation_error') {
    // The same code covers every field: a message naming the courier is about our carrier hint.
    return errorResult(input, /courier/i.test(err.message) ? 'wrong_carrier' : 'invalid_number', message);
  }
  return errorResult(input, 'provider_error', message);
}

function pickTracking(trackings: unknown[], number: string): Json | null {
  for (const t of trackings) {
    const tracking = obj(t);
    if (sameNumber(text(obj(tracking.tracker).trackingNumber), number)) return tracking;
    for (const tn of list(obj(tracking.shipment).trackingNumbers)) if (sameNumber(text(obj(tn).tn), number)) return tracking;
  }
  return trackings.length ? obj(trackings[0]) : null;
}

/** The newest event: latest occurrenceDatetime, then highest `order` (Ship24 lists newest first). */
function newestEvent(events: unknown[]): Json | null {
  let best: Json | null = null;
  let bestKey = -Infinity;
  let bestOrder = -Infinity;
  for (const raw of events) {
    const e = obj(raw);
    const key = timeKey(toIsoTime(e.occurrenceDatetime));
    const order = typeof e.order === 'number' ? e.order : -Infinity;
    if (best === null || key > bestKey || (key === bestKey && order > bestOrder)) {
      best = e;
      bestKey = key;
      bestOrder = order;
    }
  }
  return best;
}

function trackingResult(input: TrackingNumberInput, tracking: Json): TrackingResult {
  const shipment = obj(tracking.shipment);
  const status = SHIP24_STATUS[text(shipment.statusMilestone)] || null;
  const newest = newestEvent(list(tracking.events));
  const lastEvent = newest ? event(newest.occurrenceDatetime, text(newest.location), newest.status) : null;
  const timestamps = obj(obj(tracking.statistics).timestamps);
  const delivered = status === 'delivered' ? toIsoTime(timestamps.deliveredDatetime) || (lastEvent ? lastEvent.time : null) : null;
  return {
    number: input.number,
    carrier: ourCarrier(SHIP24_COURIERS, newest ? text(newest.courierCode) : '', input.carrier),
    status,
    lastEvent,
    deliveredAt: delivered,
    error: null,
  };
}

export const ship24: TrackingProvider = {
  id: 'ship24',
  apiPrefixes: [BASE],
  maxPerCall: 1,
  requestsPerSecond: 10,

  requests(numbers, apiKey) {
    return [
      numbers.map((n) => {
        const courier = n.carrier === undefined ? undefined : SHIP24_COURIERS[n.carrier];
        const payload = courier === undefined ? { trackingNumber: n.number } : { trackingNumber: n.number, courierCode: [courier] };
        return {
          url: BASE + 'trackers/track',
          method: 'post' as const,
          headers: { Authorization: 'Bearer ' + apiKey },
          payload: JSON.stringify(payload),
          contentType: 'application/json; charset=utf-8',
        };
      }),
    ];
  },

  parse(_phase, batch, response) {
    const json = parseJson(response.body);
    const body = obj(json);
    const status = response.status;
    const err = firstError(body);
    const label = err.message || err.code || httpLabel(status);
    if (status === 401) return { results: [], fatal: { code: 'auth', message: label } };
    if (status === 403 && err.code !== 'quota_limit_reached') return { results: [], fatal: { code: 'auth', message: label } };
    if (status === 429 || status >= 500) return transient(batch, response, label);
    if (status === 404) return { results: [], fatal: { code: 'provider_error', message: label } };
    if (status >= 400 || (status < 300 && list(body.errors).length > 0 && !isObject(body.data))) {
      // Per number: one number per call, so the request's error is that number's error.
      return { results: batch.map((n) => numberError(n, err, status)) };
    }
    if (status < 200 || status >= 300 || !isObject(json)) return transient(batch, response, label);
    const trackings = list(obj(body.data).trackings);
    const results: TrackingResult[] = [];
    for (const input of batch) {
      const tracking = pickTracking(trackings, input.number);
      results.push(tracking ? trackingResult(input, tracking) : errorResult(input, 'unknown_number', 'trackings: []'));
    }
    return { results };
  },

  testConnection(apiKey) {
    // Listing one tracker needs a valid key and creates nothing.
    return { url: BASE + 'trackers?page=1&limit=1', method: 'get', headers: { Authorization: 'Bearer ' + apiKey } };
  },

  parseTestConnection(response) {
    if (response.status === 200) return { ok: true, message: '' };
    const err = firstError(obj(parseJson(response.body)));
    return { ok: false, message: err.message || err.code || httpLabel(response.status) };
  },
};
