/**
 * AfterShip Tracking API, version 2026-07 (https://www.aftership.com/docs/tracking/,
 * base https://api.aftership.com/tracking/2026-07). Key in the `as-api-key` header (the
 * legacy v4 API used `aftership-api-key`; not used here).
 *
 * Two phases per batch: POST /trackings once per number (creates the tracking; a number
 * already there answers meta.code 4003 "Tracking already exists", which is fine), then
 * one GET /trackings?tracking_numbers=a,b,... for the whole batch (up to 50 numbers).
 * Every body is the envelope { meta: { code, message, type }, data }; errors are meta.code
 * 4xxx with the HTTP status of the Request Errors table (4004 comes as 404).
 *
 * maxPerCall is 20, not the list's 50: phase 0 creates one tracking per number in one
 * fetchAll, and POST /trackings is limited to 20 requests per second (GET /trackings to 6).
 */
import { backoffMs, retryDelayFromHeaders } from './retry';
import type { ParseOutcome, ProviderResponse, TrackingErrorCode, TrackingNumberInput, TrackingProvider, TrackingResult, TrackingStatus } from './types';
import { errorResult, event, failAll, httpLabel, isObject, joinPlace, list, num, obj, ourCarrier, parseJson, sameNumber, text, timeKey, toIsoTime, type Json } from './util';

const BASE = 'https://api.aftership.com/tracking/2026-07/';

/** tag values (Delivery Statuses page), all nine. */
export const AFTERSHIP_STATUS: Readonly<Record<string, TrackingStatus>> = {
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

/**
 * Our carrier codes -> AfterShip slugs. PARTIAL: slugs seen in copies of AfterShip's
 * courier list (GET /couriers answers) and its reference examples; anything else is sent
 * without a slug and AfterShip detects the courier.
 */
export const AFTERSHIP_SLUGS: Readonly<Record<string, string>> = {
  ups: 'ups',
  fedex: 'fedex',
  usps: 'usps',
  dhl_express: 'dhl',
  la_poste: 'la-poste-colissimo',
  colissimo: 'colissimo',
  chronopost: 'chronopost-france',
  dpd: 'dpd-de',
  canada_post: 'canada-post',
  india_post: 'india-post',
  delhivery: 'delhivery',
  bluedart: 'bluedart',
};

/** meta.code of the Request Errors table -> per-number error; null: not an error for us. */
const META_ERRORS: Readonly<Record<string, TrackingErrorCode | null>> = {
  '4003': null, // tracking already exists
  '4004': 'not_registered', // tracking does not exist
  '4005': 'invalid_number', // value of tracking_number is invalid
  '4017': 'invalid_number', // format of tracking_number is invalid
  '4010': 'wrong_carrier', // value of slug is invalid
  '4012': 'unknown_number', // cannot detect courier
};

/** slug AfterShip gives a number it cannot recognise without one. */
const UNRECOGNIZED = 'unrecognized';

function headers(apiKey: string): Record<string, string> {
  return { 'as-api-key': apiKey };
}

function metaOf(json: unknown): { code: number | null; message: string; type: string } {
  const meta = obj(obj(json).meta);
  return { code: num(meta.code), message: text(meta.message), type: text(meta.type) };
}

function transient(batch: TrackingNumberInput[], response: ProviderResponse, message: string): ParseOutcome {
  const hinted = retryDelayFromHeaders(response.headers);
  return { results: failAll(batch, message), retryAfterMs: hinted === null ? backoffMs(0) : hinted };
}

function newestCheckpoint(checkpoints: unknown[]): Json | null {
  let best: Json | null = null;
  let bestKey = -Infinity;
  // AfterShip lists checkpoints oldest first: on equal times the later one wins.
  for (const raw of checkpoints) {
    const c = obj(raw);
    const key = timeKey(toIsoTime(c.checkpoint_time));
    if (best === null || key >= bestKey) {
      best = c;
      bestKey = key;
    }
  }
  return best;
}

function trackingResult(input: TrackingNumberInput, tracking: Json): TrackingResult {
  const slug = text(tracking.slug);
  const carrier = ourCarrier(AFTERSHIP_SLUGS, slug === UNRECOGNIZED ? '' : slug, input.carrier);
  const status = AFTERSHIP_STATUS[text(tracking.tag)] || null;
  const checkpoints = list(tracking.checkpoints);
  const newest = newestCheckpoint(checkpoints);
  const lastEvent = newest
    ? event(newest.checkpoint_time, text(newest.location) || joinPlace([newest.city, newest.state, newest.country_region_name || newest.country_region]), newest.message)
    : null;
  let delivered: string | null = null;
  if (status === 'delivered') {
    delivered = toIsoTime(tracking.shipment_delivery_date);
    for (let i = checkpoints.length - 1; !delivered && i >= 0; i--) {
      const c = obj(checkpoints[i]);
      if (text(c.tag) === 'Delivered') delivered = toIsoTime(c.checkpoint_time);
    }
  }
  return {
    number: input.number,
    carrier,
    status,
    lastEvent,
    deliveredAt: delivered,
    error: slug === UNRECOGNIZED ? { code: 'unknown_number', message: UNRECOGNIZED } : null,
  };
}

/** The tracking for one number among the list: same slug as asked first, else the latest updated. */
function pick(trackings: unknown[], input: TrackingNumberInput): Json | null {
  const wanted = input.carrier === undefined ? undefined : AFTERSHIP_SLUGS[input.carrier];
  let best: Json | null = null;
  for (const raw of trackings) {
    const t = obj(raw);
    if (!sameNumber(text(t.tracking_number), input.number)) continue;
    if (wanted !== undefined && text(t.slug) === wanted) return t;
    if (best === null || timeKey(toIsoTime(t.updated_at)) > timeKey(toIsoTime(best.updated_at))) best = t;
  }
  return best;
}

/**
 * HTTP status and meta checks. Returns the outcome when the response is a failure of the
 * whole request, { meta } for a per-number meta error, or null when the data is usable.
 */
function classify(batch: TrackingNumberInput[], response: ProviderResponse, json: unknown): ParseOutcome | { meta: { code: number; message: string } } | null {
  const status = response.status;
  const meta = metaOf(json);
  const message = meta.message || (meta.code !== null ? String(meta.code) : httpLabel(status));
  if (status === 401 || status === 403 || meta.code === 401 || meta.code === 403) return { results: [], fatal: { code: 'auth', message } };
  if (status === 429 || meta.code === 429 || status >= 500) return transient(batch, response, message);
  if (meta.code !== null && meta.code >= 4000 && meta.code < 5000) return { meta: { code: meta.code, message } };
  if (status === 404) return { results: [], fatal: { code: 'provider_error', message } };
  if (status >= 400) return { results: failAll(batch, message) };
  if (!isObject(json) || status < 200 || status >= 300) return transient(batch, response, message);
  return null;
}

function metaError(input: TrackingNumberInput, code: number, message: string): TrackingResult | null {
  const mapped = META_ERRORS[String(code)];
  if (mapped === null) return null;
  return errorResult(input, mapped === undefined ? 'provider_error' : mapped, message);
}

export const aftership: TrackingProvider = {
  id: 'aftership',
  apiPrefixes: [BASE],
  maxPerCall: 20,
  requestsPerSecond: 6,

  requests(numbers, apiKey) {
    const create = numbers.map((n) => {
      const slug = n.carrier === undefined ? undefined : AFTERSHIP_SLUGS[n.carrier];
      const payload = slug === undefined ? { tracking_number: n.number } : { tracking_number: n.number, slug };
      return { url: BASE + 'trackings', method: 'post' as const, headers: headers(apiKey), payload: JSON.stringify(payload), contentType: 'application/json' };
    });
    const query = numbers.map((n) => encodeURIComponent(n.number)).join(',');
    // The reference marks Content-Type as required on GET too; with no payload it goes in the headers.
    const search = {
      url: BASE + 'trackings?tracking_numbers=' + query,
      method: 'get' as const,
      headers: { 'as-api-key': apiKey, 'Content-Type': 'application/json' },
    };
    return [create, [search]];
  },

  parse(phase, batch, response) {
    const json = parseJson(response.body);
    const outcome = classify(batch, response, json);
    if (outcome && 'meta' in outcome) {
      const results: TrackingResult[] = [];
      for (const input of batch) {
        const r = metaError(input, outcome.meta.code, outcome.meta.message);
        if (r) results.push(r);
      }
      return { results };
    }
    if (outcome) return outcome;
    const data = obj(obj(json).data);
    if (phase === 0) {
      // The created tracking (usually Pending): a fallback should the list miss it.
      return { results: batch.filter((n) => sameNumber(text(data.tracking_number), n.number)).map((n) => trackingResult(n, data)) };
    }
    const trackings = list(data.trackings);
    return {
      results: batch.map((input) => {
        const t = pick(trackings, input);
        return t ? trackingResult(input, t) : errorResult(input, 'not_registered', 'trackings: []');
      }),
    };
  },

  testConnection(apiKey) {
    // The account's couriers: needs a valid key, creates nothing.
    return { url: BASE + 'couriers', method: 'get', headers: { 'as-api-key': apiKey, 'Content-Type': 'application/json' } };
  },

  parseTestConnection(response) {
    const meta = metaOf(parseJson(response.body));
    if (response.status === 200 && (meta.code === null || meta.code === 200)) return { ok: true, message: '' };
    return { ok: false, message: meta.message || (meta.code !== null ? String(meta.code) : httpLabel(response.status)) };
  },
};
