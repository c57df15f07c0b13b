/**
 * 17TRACK Tracking API v2.2 (https://asset.17track.net/api/document/v2.2_en/index.html).
 *
 * Two phases per batch of up to 40 numbers: POST /register (enrols the numbers; one
 * already registered comes back rejected with -18019901 and costs nothing), then
 * POST /gettrackinfo (free; 17TRACK tracks asynchronously, so a number registered a
 * moment ago usually reads NotFound until a later refresh). Key in the `17token` header.
 * Every answer is the envelope { code, data: { accepted, rejected } }: `code` other than 0
 * is a failure of the whole call even under HTTP 200 (data.errors[] then carries the
 * text), per-number failures are in data.rejected[].error { code, message }.
 *
 * Field names: checked against 17TRACK's v2.2 page and help centre (envelope, header,
 * 40 limit, HTTP statuses, error codes up to -18019904, statuses and sub-statuses); the
 * gettrackinfo fields (track_info.latest_status, latest_event.time_iso/time_utc/
 * description/location/address, milestone[].key_stage), codes -18019905..-18019911 and
 * the data.errors[] envelope come from secondary sources that agree with each other
 * (see test/fixtures/tracking/17track/README.md).
 */
import { backoffMs, retryDelayFromHeaders } from './retry';
import type { TrackingNumberInput, TrackingProvider, TrackingRequest, TrackingResult, TrackingStatus, ParseOutcome, ProviderResponse, TrackingErrorCode } from './types';
import { errorResult, event, failAll, httpLabel, isObject, joinPlace, list, num, obj, ourCarrier, parseJson, sameNumber, text, toIsoTime, type Json } from './util';

const BASE = 'https://api.17track.net/track/v2.2/';

/** Main statuses (latest_status.status), all nine of 17TRACK v2.2. */
export const SEVENTEEN_TRACK_STATUS: Readonly<Record<string, TrackingStatus>> = {
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

/**
 * Sub-statuses that change the reading of the main status. NotFound_InvalidCode means
 * 17TRACK finds the number invalid (or the carrier wrong): the row shows invalid_number.
 * The other sub-statuses (InTransit_PickedUp, DeliveryFailure_NoBody, Exception_Returning...)
 * refine nothing our nine statuses can express.
 */
export const SEVENTEEN_TRACK_SUB_STATUS_ERRORS: Readonly<Record<string, TrackingErrorCode>> = {
  NotFound_InvalidCode: 'invalid_number',
};

/**
 * Our carrier codes -> 17TRACK numeric carrier keys. PARTIAL, only where a key was found:
 * from a third-party copy of 17TRACK's apicarrier.all.json that agrees with smaller
 * third-party tables (the official list https://res.17track.net/asset/carrier/info/apicarrier.all.json
 * could not be read from here). A carrier missing here is sent without a key and 17TRACK
 * detects it.
 */
export const SEVENTEEN_TRACK_CARRIERS: Readonly<Record<string, number>> = {
  dhl_express: 100001,
  ups: 100002,
  fedex: 100003,
  tnt: 100004,
  dpd: 100007, // DPD (DE): our DPD link is tracking.dpd.de
  yodel: 100017,
  landmark: 100021,
  purolator: 100042,
  ontrac: 100049,
  lasership: 100052,
  bluedart: 100055,
  delhivery: 100060,
  canpar: 100146,
  chronopost: 100273,
  mondial_relay: 100304,
  usps: 21051,
  la_poste: 6051, // "La Poste (Colissimo)"
  colissimo: 6051,
  canada_post: 3041,
  india_post: 9021,
  royal_mail: 11031,
  australia_post: 1151,
};

/** Whole-call codes (envelope `code`) that mean the key or the account is refused. */
const AUTH_CODES = [-18010001, -18010002, -18010004, -18010005];
/** Daily limit exceeded, quota used up. */
const QUOTA_CODES = [-18019907, -18019908];
/** Internal service error: try again later. */
const TRANSIENT_CODES = [-18010003, 429];

const ALREADY_REGISTERED = -18019901;
const NO_TRACKING_INFO_YET = -18019909;

/** Per-number codes (data.rejected[].error.code) -> our error codes; others are provider_error. */
const REJECTED: Readonly<Record<string, TrackingErrorCode>> = {
  '-18019902': 'not_registered',
  '-18019903': 'unknown_number', // carrier cannot be detected
  '-18019910': 'wrong_carrier', // carrier code incorrect
  '-18010011': 'invalid_number',
  '-18010012': 'invalid_number',
  '-18010015': 'invalid_number',
  '-18019907': 'quota',
  '-18019908': 'quota',
};

function body(numbers: TrackingNumberInput[]): string {
  return JSON.stringify(
    numbers.map((n) => {
      const key = n.carrier === undefined ? undefined : SEVENTEEN_TRACK_CARRIERS[n.carrier];
      return key === undefined ? { number: n.number } : { number: n.number, carrier: key };
    }),
  );
}

function post(path: string, apiKey: string, payload: string): TrackingRequest {
  return { url: BASE + path, method: 'post', headers: { '17token': apiKey }, payload, contentType: 'application/json' };
}

/** The text of a whole-call failure: data.errors[0].message, else the code. */
function envelopeMessage(json: Json, fallback: string): string {
  const first = obj(list(obj(json.data).errors)[0]);
  return text(first.message) || fallback;
}

function latestEvent(info: Json) {
  let e = obj(info.latest_event);
  if (!isObject(info.latest_event)) {
    // No latest_event: take the first (newest) event of the first provider.
    const provider = obj(list(obj(info.tracking).providers)[0]);
    e = obj(list(provider.events)[0]);
  }
  if (Object.keys(e).length === 0) return null;
  const address = obj(e.address);
  const place = text(e.location) || joinPlace([address.city, address.state, address.country]);
  const time = e.time_utc !== undefined && e.time_utc !== null ? e.time_utc : e.time_iso;
  const ev = event(time, place, e.description);
  return ev.time === null && ev.place === '' && ev.text === '' ? null : ev;
}

function deliveredAt(info: Json, status: TrackingStatus | null, lastTime: string | null): string | null {
  if (status !== 'delivered') return null;
  for (const m of list(info.milestone)) {
    const stage = obj(m);
    if (text(stage.key_stage) === 'Delivered') {
      const t = toIsoTime(stage.time_utc) || toIsoTime(stage.time_iso);
      if (t) return t;
    }
  }
  return lastTime;
}

function acceptedResult(input: TrackingNumberInput, item: Json): TrackingResult {
  const carrier = ourCarrier(SEVENTEEN_TRACK_CARRIERS, num(item.carrier), input.carrier);
  const info = obj(item.track_info);
  const latest = obj(info.latest_status);
  const main = text(latest.status);
  const sub = text(latest.sub_status);
  // No track_info yet (just registered): 17TRACK has nothing, which is "pending".
  const status: TrackingStatus | null = !isObject(item.track_info) ? 'pending' : SEVENTEEN_TRACK_STATUS[main] || null;
  const lastEvent = isObject(item.track_info) ? latestEvent(info) : null;
  const subError = SEVENTEEN_TRACK_SUB_STATUS_ERRORS[sub];
  return {
    number: input.number,
    carrier,
    status,
    lastEvent,
    deliveredAt: deliveredAt(info, status, lastEvent ? lastEvent.time : null),
    error: subError ? { code: subError, message: text(latest.sub_status_descr) || sub } : null,
  };
}

function rejectedResult(input: TrackingNumberInput, item: Json): TrackingResult | null {
  const err = obj(item.error);
  const code = num(err.code);
  if (code === ALREADY_REGISTERED) return null;
  const message = text(err.message) || String(code);
  if (code === NO_TRACKING_INFO_YET) {
    return { number: input.number, carrier: input.carrier, status: 'pending', lastEvent: null, deliveredAt: null, error: null };
  }
  return errorResult(input, (code !== null && REJECTED[String(code)]) || 'provider_error', message);
}

function find(batch: TrackingNumberInput[], number: unknown): TrackingNumberInput | undefined {
  const n = text(number);
  for (const b of batch) if (sameNumber(b.number, n)) return b;
  return undefined;
}

function transient(batch: TrackingNumberInput[], response: ProviderResponse, message: string): ParseOutcome {
  const hinted = retryDelayFromHeaders(response.headers);
  return { results: failAll(batch, message), retryAfterMs: hinted === null ? backoffMs(0) : hinted };
}

/** HTTP status and envelope checks shared by both phases; null when the envelope is usable. */
function whole(batch: TrackingNumberInput[], response: ProviderResponse, json: unknown): ParseOutcome | null {
  const status = response.status;
  const envelope = obj(json);
  const label = httpLabel(status);
  if (status === 401 || status === 403) return { results: [], fatal: { code: 'auth', message: envelopeMessage(envelope, label) } };
  if (status === 429 || status >= 500) return transient(batch, response, envelopeMessage(envelope, label));
  // 404: wrong URL (documented); any other status is not documented: that request failed.
  if (status === 404) return { results: [], fatal: { code: 'provider_error', message: envelopeMessage(envelope, label) } };
  if (status !== 200) return { results: failAll(batch, envelopeMessage(envelope, label)) };
  const code = num(envelope.code);
  if (!isObject(json) || code === null) return transient(batch, response, label);
  if (code === 0) return null;
  const message = envelopeMessage(envelope, String(code));
  if (AUTH_CODES.indexOf(code) >= 0) return { results: [], fatal: { code: 'auth', message } };
  if (QUOTA_CODES.indexOf(code) >= 0) return { results: [], fatal: { code: 'quota', message } };
  if (TRANSIENT_CODES.indexOf(code) >= 0) return transient(batch, response, message);
  return { results: [], fatal: { code: 'provider_error', message } };
}

export const seventeenTrack: TrackingProvider = {
  id: '17track',
  apiPrefixes: [BASE],
  maxPerCall: 40,
  requestsPerSecond: 3,

  requests(numbers, apiKey) {
    const payload = body(numbers);
    return [[post('register', apiKey, payload)], [post('gettrackinfo', apiKey, payload)]];
  },

  parse(phase, batch, response) {
    const json = parseJson(response.body);
    const failed = whole(batch, response, json);
    if (failed) return failed;
    const data = obj(obj(json).data);
    const results: TrackingResult[] = [];
    for (const raw of list(data.rejected)) {
      const item = obj(raw);
      const input = find(batch, item.number);
      if (!input) continue;
      const r = rejectedResult(input, item);
      if (r) results.push(r);
    }
    if (phase >= 1) {
      for (const raw of list(data.accepted)) {
        const item = obj(raw);
        const input = find(batch, item.number);
        if (input) results.push(acceptedResult(input, item));
      }
    }
    return { results };
  },

  testConnection(apiKey) {
    // gettrackinfo is free; any number shows whether the key is accepted (code 0).
    return post('gettrackinfo', apiKey, JSON.stringify([{ number: 'RR123456789CN' }]));
  },

  parseTestConnection(response) {
    const json = obj(parseJson(response.body));
    if (response.status === 200 && num(json.code) === 0) return { ok: true, message: '' };
    const code = num(json.code);
    return { ok: false, message: envelopeMessage(json, code !== null && code !== 0 ? String(code) : httpLabel(response.status)) };
  },
};
