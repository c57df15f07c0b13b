/**
 * The normalized tracking statuses (DESIGN section 5). Every carrier's own vocabulary is
 * mapped onto these, so the Shipments tab, alerts and customer emails speak one language.
 * The order is the usual life of a parcel; exception and expired are terminal problems.
 */
export const TRACKING_STATUSES = [
  'pending',
  'info_received',
  'in_transit',
  'out_for_delivery',
  'attempt_fail',
  'available_for_pickup',
  'delivered',
  'exception',
  'expired',
] as const;

export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export function isTrackingStatus(value: unknown): value is TrackingStatus {
  return typeof value === 'string' && (TRACKING_STATUSES as readonly string[]).indexOf(value) >= 0;
}
