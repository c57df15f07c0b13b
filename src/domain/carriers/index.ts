/** Carrier detection and tracking links: pure domain code (no I/O), bundled for Apps Script. */
export { CARRIERS, type CarrierInfo } from './carriers';
export { detectCarrier, trackingUrl, type CarrierCandidate } from './detect';
export { normalizeTrackingNumber } from './normalize';
export { TRACKING_STATUSES, isTrackingStatus, type TrackingStatus } from './statuses';
export { FORMATS, type TrackingFormat } from './formats';
export { expectedCheck, verifyCheck, type CheckDigitSpec } from './check-digits';
