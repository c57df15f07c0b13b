/** Tracking through tracking APIs: the adapters (one is chosen in Settings) and the glue the app needs. */
import { aftership } from './aftership';
import { seventeenTrack } from './seventeen-track';
import { ship24 } from './ship24';
import type { ProviderId, TrackingNumberInput, TrackingProvider, TrackingResult } from './types';
import { sameNumber } from './util';

export type {
  ParseOutcome,
  ProviderId,
  ProviderResponse,
  TrackingErrorCode,
  TrackingEvent,
  TrackingFatal,
  TrackingNumberInput,
  TrackingProvider,
  TrackingRequest,
  TrackingResult,
} from './types';
export { backoffMs, planBatches, retryAfterMs, retryDelayFromHeaders, BASE_DELAY_MS, MAX_DELAY_MS } from './retry';
export { toIsoTime } from './util';
export { seventeenTrack, SEVENTEEN_TRACK_STATUS, SEVENTEEN_TRACK_SUB_STATUS_ERRORS, SEVENTEEN_TRACK_CARRIERS } from './seventeen-track';
export { ship24, SHIP24_STATUS, SHIP24_COURIERS } from './ship24';
export { aftership, AFTERSHIP_STATUS, AFTERSHIP_SLUGS } from './aftership';

export const PROVIDERS: readonly TrackingProvider[] = [seventeenTrack, ship24, aftership];

export function providerFor(id: string): TrackingProvider | undefined {
  for (const p of PROVIDERS) if (p.id === id) return p;
  return undefined;
}

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && providerFor(value) !== undefined;
}

/** Every provider's API prefix: what appsscript.json's urlFetchWhitelist must list, and nothing else. */
export function urlFetchWhitelist(): string[] {
  const out: string[] = [];
  for (const p of PROVIDERS) for (const prefix of p.apiPrefixes) if (out.indexOf(prefix) < 0) out.push(prefix);
  return out;
}

/**
 * The numbers request `index` of a phase covers: the whole batch when the phase has one
 * request, else the index-th number (one request per number, in batch order).
 */
export function batchForRequest(requestsInPhase: number, batch: TrackingNumberInput[], index: number): TrackingNumberInput[] {
  if (requestsInPhase === 1) return batch;
  if (requestsInPhase === batch.length && index >= 0 && index < batch.length) return [batch[index]];
  throw new Error('batchForRequest: a phase has one request, or one per number');
}

/**
 * One result per number of the batch (batch order; numbers no phase answered for are
 * left out) from the results of each phase: the last phase's result without an error
 * wins (e.g. 17TRACK's tracking info after its registration); failing that, the first
 * error (e.g. "carrier cannot be detected" at registration explains "not registered" after).
 */
export function mergePhaseResults(batch: TrackingNumberInput[], perPhase: TrackingResult[][]): TrackingResult[] {
  const merged: TrackingResult[] = [];
  for (const input of batch) {
    let ok: TrackingResult | undefined;
    let firstError: TrackingResult | undefined;
    for (const results of perPhase) {
      for (const r of results) {
        if (!sameNumber(r.number, input.number)) continue;
        if (r.error === null) ok = r;
        else if (!firstError) firstError = r;
      }
    }
    const chosen = ok || firstError;
    if (chosen) merged.push(chosen);
  }
  return merged;
}
