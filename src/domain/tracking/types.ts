/**
 * Tracking through a tracking API (17TRACK, Ship24, AfterShip), chosen in Settings.
 * Pure domain code: an adapter builds request descriptions and parses responses; the app
 * layer sends them with UrlFetchApp.fetchAll (DESIGN section 4: parallel calls,
 * muteHttpExceptions, 429 with backoff, errors inside HTTP 200 bodies).
 *
 * The flow for one refresh, per provider:
 *   batches = planBatches(numbers, provider.maxPerCall)
 *   for each batch: phases = provider.requests(batch, apiKey)
 *     for each phase p, in order: send phases[p] with one fetchAll; request j covers
 *       batchForRequest(phases[p].length, batch, j); parse(p, thatBatch, response)
 *   mergePhaseResults(batch, resultsPerPhase) gives one TrackingResult per number.
 * A parse result with `fatal` stops the refresh (bad key, quota, provider down); one with
 * `retryAfterMs` may be sent again after that delay (see retry.ts); its `results` are what
 * to show if it is not retried.
 */
import type { TrackingStatus } from '../carriers/statuses';

export type { TrackingStatus };

export type ProviderId = '17track' | 'ship24' | 'aftership';

/**
 * What UrlFetchApp.fetchAll needs for one request (the app adds muteHttpExceptions).
 * `method` is lower case as UrlFetchApp spells it. GET requests carry no payload.
 */
export interface TrackingRequest {
  url: string;
  method: 'get' | 'post';
  headers: Record<string, string>;
  /** JSON text; absent on GET. */
  payload?: string;
  contentType?: string;
}

/** One response as the app reads it from HTTPResponse (getResponseCode, getAllHeaders, getContentText). */
export interface ProviderResponse {
  status: number;
  /** Header names in any case; adapters look them up case-insensitively. */
  headers: Record<string, string>;
  body: string;
}

export interface TrackingNumberInput {
  number: string;
  /** Our carrier code (src/domain/carriers CARRIERS), when known. */
  carrier?: string;
}

export type TrackingErrorCode =
  | 'unknown_number'
  | 'wrong_carrier'
  | 'invalid_number'
  | 'not_registered'
  | 'provider_error'
  | 'quota';

export interface TrackingEvent {
  /**
   * ISO 8601. In UTC ("...Z") when the provider gave a time zone or offset; as given
   * ("2021-03-04T17:12:57", carrier-local) when it did not; a date alone ("2021-03-04")
   * when the provider gave no time.
   */
  time: string | null;
  place: string;
  text: string;
}

export interface TrackingResult {
  number: string;
  /** Our carrier code: the provider's detected carrier when our table knows it, else the one asked for. */
  carrier?: string;
  status: TrackingStatus | null;
  lastEvent: TrackingEvent | null;
  /** When the parcel was delivered (same formats as TrackingEvent.time), if delivered. */
  deliveredAt: string | null;
  /**
   * A per-number problem for that row. `code` is stable and localized by the app;
   * `message` is the provider's own text (or its error code), for the log, not for users.
   */
  error: { code: TrackingErrorCode; message: string } | null;
}

export interface TrackingFatal {
  code: 'auth' | 'quota' | 'provider_error';
  /** The provider's own text or error code, not localized. */
  message: string;
}

export interface ParseOutcome {
  results: TrackingResult[];
  /** Set when the request may be sent again after this many milliseconds (429, 5xx). */
  retryAfterMs?: number;
  fatal?: TrackingFatal;
}

export interface TrackingProvider {
  id: ProviderId;
  /** For urlFetchWhitelist in appsscript.json: https://host/path/ with a trailing slash. */
  apiPrefixes: string[];
  /** Tracking numbers per batch (17TRACK 40; see each adapter for the others). */
  maxPerCall: number;
  /**
   * The lowest documented rate limit among the endpoints used, in requests per second:
   * keep each fetchAll at or under it and let a second pass between two of them.
   */
  requestsPerSecond: number;
  /**
   * The requests for one batch (at most maxPerCall numbers), as phases: each phase's
   * requests are sent in parallel with one fetchAll, phases one after the other.
   * In a phase, either one request covers the whole batch, or there is one request per
   * number, in batch order (see batchForRequest).
   */
  requests(numbers: TrackingNumberInput[], apiKey: string): TrackingRequest[][];
  parse(phase: number, batch: TrackingNumberInput[], response: ProviderResponse): ParseOutcome;
  /** A cheap call that needs a valid key and uses no quota. */
  testConnection(apiKey: string): TrackingRequest;
  parseTestConnection(response: ProviderResponse): { ok: boolean; message: string };
}
