/**
 * Carrier detection (DESIGN section 5): a guess, never a verdict. Every format whose
 * pattern matches proposes its carrier, with its check-digit verdict; the user sees the
 * ranked list and may override it.
 *
 * Ranking: check digit verified first, then formats without a check digit, then
 * (distinctive formats only) numbers whose check digit fails, likely mistyped; within each
 * group by confidence, then by the table's order. One candidate per carrier: its best.
 */
import { UNIVERSAL_POSTAL_TRACKER, carrierInfo } from './carriers';
import { verifyCheck } from './check-digits';
import { FORMATS, type TrackingFormat } from './formats';
import { normalizeTrackingNumber } from './normalize';
import { isIsoCountry, postalCarrierFor, s10ServiceName } from './s10';

export interface CarrierCandidate {
  /** Stable carrier code, one of CARRIERS. */
  carrier: string;
  /** Display name (a brand: not localized). */
  name: string;
  service?: string;
  /** null: the format has no check digit. */
  checkDigitValid: boolean | null;
  /** 0..1, used for ranking. */
  confidence: number;
  trackingUrl: string;
  /** The number without spaces or dashes, upper case. */
  normalized: string;
  /** S10: ISO 3166-1 alpha-2 of the issuing post. */
  country?: string;
}

/** A failing check digit on a distinctive format still proposes the carrier, at this share of its confidence. */
const FAILED_CHECK_FACTOR = 0.2;

interface FormatMatch {
  format: TrackingFormat;
  carrier: string;
  checkDigitValid: boolean | null;
  confidence: number;
  trackable: string;
  service?: string;
  country?: string;
}

function matchFormat(format: TrackingFormat, normalized: string): FormatMatch | null {
  const m = format.pattern.exec(normalized);
  if (!m) return null;
  const groups = m.groups ?? {};
  let carrier = format.carrier;
  let service = format.service;
  let country: string | undefined;
  if (format.postal) {
    country = groups.country;
    // An S10 number ends with its post's ISO code: anything else is not S10 at all.
    if (!country || !isIsoCountry(country)) return null;
    carrier = postalCarrierFor(country, groups.service ?? '');
    service = s10ServiceName(groups.service ?? '');
  }
  const checkDigitValid = format.check ? verifyCheck(format.check, groups.payload ?? '', groups.check ?? '') : null;
  if (checkDigitValid === false && !format.distinctive) return null;
  const confidence = checkDigitValid === false ? round2(format.confidence * FAILED_CHECK_FACTOR) : format.confidence;
  return { format, carrier, checkDigitValid, confidence, trackable: groups.tracking ?? normalized, service, country };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function checkRank(valid: boolean | null): number {
  return valid === true ? 0 : valid === null ? 1 : 2;
}

function compareMatches(a: FormatMatch, b: FormatMatch): number {
  return checkRank(a.checkDigitValid) - checkRank(b.checkDigitValid) || b.confidence - a.confidence;
}

function allMatches(normalized: string): FormatMatch[] {
  const out: FormatMatch[] = [];
  for (const format of FORMATS) {
    const match = matchFormat(format, normalized);
    if (match) out.push(match);
  }
  // Array.prototype.sort is stable (ES2019), so ties keep the table's order.
  return out.sort(compareMatches);
}

function fillUrl(template: string, number: string): string {
  return template.replace('{number}', encodeURIComponent(number));
}

/** The URL for a carrier code and an already extracted trackable number. */
function urlFor(carrier: string, trackable: string, country?: string): string | null {
  if (carrier === 's10') {
    const post = country ? carrierInfo(postalCarrierFor(country, '')) : undefined;
    return fillUrl(post && post.code !== 's10' ? post.url : UNIVERSAL_POSTAL_TRACKER, trackable);
  }
  const info = carrierInfo(carrier);
  return info ? fillUrl(info.url, trackable) : null;
}

/** Ranked candidates, best first; [] when no format matches. */
export function detectCarrier(input: string): CarrierCandidate[] {
  const normalized = normalizeTrackingNumber(input);
  if (!normalized) return [];
  const seen = new Set<string>();
  const candidates: CarrierCandidate[] = [];
  for (const match of allMatches(normalized)) {
    if (seen.has(match.carrier)) continue;
    seen.add(match.carrier);
    const info = carrierInfo(match.carrier);
    const candidate: CarrierCandidate = {
      carrier: match.carrier,
      name: info ? info.name : match.carrier,
      checkDigitValid: match.checkDigitValid,
      confidence: match.confidence,
      trackingUrl: urlFor(match.carrier, match.trackable, match.country) ?? '',
      normalized,
    };
    if (match.service) candidate.service = match.service;
    if (match.country) candidate.country = match.country;
    candidates.push(candidate);
  }
  return candidates;
}

/**
 * The tracking page for a number under a carrier the user chose (which may differ from
 * the detected one). When the number matches one of that carrier's formats, the part
 * its page tracks is used (e.g. the 12-digit FedEx number inside a 34-digit barcode).
 * null for an unknown carrier code or an empty number.
 */
export function trackingUrl(carrier: string, number: string): string | null {
  const normalized = normalizeTrackingNumber(number);
  if (!normalized || !carrierInfo(carrier)) return null;
  const own = allMatches(normalized).filter((m) => m.carrier === carrier || (carrier === 's10' && m.format.postal));
  const best = own[0];
  return urlFor(carrier, best ? best.trackable : normalized, best?.country);
}
