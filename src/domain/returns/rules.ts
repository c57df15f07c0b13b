/**
 * Returns: the closed sets (reasons, dispositions, statuses), the settings they read, and
 * the status of a return line derived from its ledger rows. Pure.
 *
 * Every ledger row about a return line carries ref_type "return" and ref_id
 * "<rma id>#<line key>" (the return row, the inspection moves, write-offs, the RTV
 * shipment, their reversals). The Returns tab is a view of those rows: one row per status
 * (and per bin for restocked and damaged goods), rebuilt after each change, so a retry after
 * a cut-off finishes the job by computing the same view again.
 */
import type { Movement, StockState } from '../types';
import { lineRef } from '../orders/holdings';
import { minorDigits } from '../money';

export const RETURN_REASONS = ['damaged_in_transit', 'wrong_item', 'not_as_described', 'changed_mind', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const DISPOSITIONS = ['restock', 'repair', 'defective', 'rtv', 'write_off'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * received: in quarantine at the returns bin, waiting for inspection; inspected: to go back
 * to the vendor, held in the rtv state until the RTV shipment; restocked, repair, damaged:
 * where the goods went; rtv: shipped back to the vendor; written_off: gone.
 */
export const RETURN_STATUSES = ['received', 'inspected', 'restocked', 'repair', 'damaged', 'rtv', 'written_off'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Statuses whose goods are still waiting for a decision, and the state that holds them. */
export const PENDING = ['received', 'repair', 'inspected'] as const;
export type PendingStatus = (typeof PENDING)[number];
export const PENDING_STATE: Record<PendingStatus, StockState> = { received: 'quarantine', repair: 'repair', inspected: 'rtv' };

/**
 * What may happen to goods in each pending status. For goods already held for the vendor
 * (inspected), `rtv` is the RTV shipment itself: they leave the ledger.
 */
export const ALLOWED_DISPOSITIONS: Record<PendingStatus, readonly Disposition[]> = {
  received: ['restock', 'repair', 'defective', 'rtv', 'write_off'],
  repair: ['restock', 'defective', 'rtv', 'write_off'],
  inspected: ['rtv', 'restock', 'defective', 'write_off'],
};

export const STATUS_DISPOSITION: Record<ReturnStatus, Disposition | ''> = {
  received: '', inspected: 'rtv', restocked: 'restock', repair: 'repair', damaged: 'defective', rtv: 'rtv', written_off: 'write_off',
};

/** Reasons a write-off (of any stock, or of a returned line) can give. */
export const WRITE_OFF_REASONS = ['damaged', 'expired', 'lost', 'theft', 'sample', 'other'] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];

/** Settings keys of returns and counts, with their defaults (merged into SETTING_DEFAULTS). */
export const RETURNS_SETTING_DEFAULTS = {
  /** the bin returned goods wait in, in the quarantine state */
  returns_bin: 'RETURNS',
  /** a counted line differing from the expected quantity by more than this asks for a recount */
  count_recount_threshold: '10%',
} as const;

export const RMA_REF_TYPE = 'return';

/** The ledger ref of a return line. */
export function returnLineRef(rmaId: string, lineKey: string): string {
  return lineRef(rmaId, lineKey);
}

export function nextRmaId(existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    const m = /^RMA-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return 'RMA-' + String(max + 1).padStart(5, '0');
}

function clean(n: number): number {
  return Number(n.toFixed(9));
}

/** One row of the Returns tab for a line: a status, where, how many. */
export interface LineView {
  status: ReturnStatus;
  bin: string;
  qty: number;
}

/** Where a line's goods are held now, per pending status (bin, lot, qty), from its rows. */
export interface Held {
  status: PendingStatus;
  bin: string;
  lot: string;
  expiry: string;
  qty: number;
}

export function heldGoods(rows: readonly Movement[]): Held[] {
  const out = new Map<string, Held>();
  for (const m of rows) {
    const status = (Object.keys(PENDING_STATE) as PendingStatus[]).find((s) => PENDING_STATE[s] === m.state);
    if (!status) continue;
    const key = [status, m.bin, m.lot].join('\u0001');
    const h = out.get(key) ?? { status, bin: m.bin, lot: m.lot, expiry: m.expiry, qty: 0 };
    h.qty = clean(h.qty + m.qty);
    if (m.expiry) h.expiry = m.expiry;
    out.set(key, h);
  }
  return Array.from(out.values()).filter((h) => h.qty > 0);
}

/**
 * The Returns tab rows of one line, from every ledger row carrying its ref, in ledger order.
 * Pending statuses hold what the line holds in their state; restocked and damaged what it put
 * in the available and damaged states (per bin); rtv and written_off what left, less the
 * reversals of those rows.
 */
export function lineStatuses(rows: readonly Movement[]): LineView[] {
  const byId = new Map(rows.map((m) => [m.movementId, m]));
  const net = new Map<string, { state: StockState; bin: string; qty: number }>();
  const gone: Record<'rtv' | 'written_off', number> = { rtv: 0, written_off: 0 };
  for (const m of rows) {
    const k = m.state + '\u0001' + m.bin;
    const n = net.get(k) ?? { state: m.state, bin: m.bin, qty: 0 };
    n.qty = clean(n.qty + m.qty);
    net.set(k, n);
    const outType = m.type === 'reversal' ? byId.get(m.reverses)?.type : m.type;
    if (outType === 'write_off' || outType === 'rtv') {
      const key = outType === 'rtv' ? 'rtv' : 'written_off';
      if ((m.type !== 'reversal' && m.qty < 0) || (m.type === 'reversal' && m.qty > 0)) gone[key] = clean(gone[key] - m.qty);
    }
  }
  const views: LineView[] = [];
  const sumState = (state: StockState) => {
    const parts = Array.from(net.values()).filter((n) => n.state === state && n.qty > 0);
    return { qty: clean(parts.reduce((a, n) => a + n.qty, 0)), bin: parts[0]?.bin ?? '' };
  };
  const pending: [ReturnStatus, StockState][] = [['received', 'quarantine'], ['inspected', 'rtv'], ['repair', 'repair']];
  for (const [status, state] of pending) {
    const s = sumState(state);
    if (s.qty > 0) views.push({ status, bin: s.bin, qty: s.qty });
  }
  for (const [status, state] of [['restocked', 'available'], ['damaged', 'damaged']] as [ReturnStatus, StockState][]) {
    for (const n of net.values()) if (n.state === state && n.qty > 0) views.push({ status, bin: n.bin, qty: n.qty });
  }
  if (gone.rtv > 0) views.push({ status: 'rtv', bin: '', qty: gone.rtv });
  if (gone.written_off > 0) views.push({ status: 'written_off', bin: '', qty: gone.written_off });
  return views;
}

/** Identity of a Returns tab row within its line: the status, and the bin where it matters. */
export function viewKey(v: { status: ReturnStatus; bin: string }): string {
  return v.status === 'restocked' || v.status === 'damaged' ? v.status + '\u0001' + v.bin : v.status;
}

/** The unrounded unit cost of a row worth valueMinor for qty units. */
export function unitCostOf(valueMinor: number, qty: number, currency: string): number | null {
  if (!(qty > 0)) return null;
  return Number((valueMinor / Math.pow(10, minorDigits(currency)) / qty).toFixed(6));
}
