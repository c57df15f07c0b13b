/**
 * A pasted list or a CSV sent back by an outsourced warehouse: order id, carrier (optional),
 * tracking number. With a header row the columns are found by name; without, two columns
 * are order id and tracking number, three are order id, carrier, tracking number.
 */
import { parseCsv } from './import/csv';
import { cleanText } from '../text';

export interface TrackingEntry {
  row: number;
  orderId: string;
  carrier: string;
  trackingNumber: string;
}

export interface TrackingListProblem {
  row: number;
  code: 'required' | 'malformed_csv';
  field: string;
}

const ORDER = /^(order|order[ _-]?(id|no|number|#)|commande|n° de commande|numéro de commande|name)$/i;
const CARRIER = /^(carrier|transporteur|courier|shipping carrier)$/i;
const TRACKING = /^(tracking|tracking[ _-]?(no|number|#|id)|num[ée]ro de suivi|suivi)$/i;

export function parseTrackingList(text: string): { entries: TrackingEntry[]; problems: TrackingListProblem[] } {
  const csv = parseCsv(text.trim());
  if (!csv.ok) return { entries: [], problems: [{ row: 0, code: 'malformed_csv', field: 'text' }] };
  const rows = csv.rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length === 0) return { entries: [], problems: [] };
  const head = rows[0].map((h) => h.trim());
  const named = head.some((h) => ORDER.test(h)) && head.some((h) => TRACKING.test(h));
  const col = (re: RegExp) => head.findIndex((h) => re.test(h));
  const idx = named
    ? { order: col(ORDER), carrier: col(CARRIER), tracking: col(TRACKING) }
    : rows[0].length >= 3 ? { order: 0, carrier: 1, tracking: 2 } : { order: 0, carrier: -1, tracking: 1 };
  const entries: TrackingEntry[] = [];
  const problems: TrackingListProblem[] = [];
  rows.slice(named ? 1 : 0).forEach((r, i) => {
    const row = i + 1;
    const orderId = cleanText(r[idx.order]);
    const trackingNumber = cleanText(r[idx.tracking]);
    if (!orderId) problems.push({ row, code: 'required', field: 'orderId' });
    else if (!trackingNumber) problems.push({ row, code: 'required', field: 'trackingNumber' });
    else entries.push({ row, orderId, carrier: idx.carrier >= 0 ? cleanText(r[idx.carrier]) : '', trackingNumber });
  });
  return { entries, problems };
}
