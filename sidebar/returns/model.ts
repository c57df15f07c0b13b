/**
 * The returns forms without the DOM: what a return line still holds per pending status,
 * what an inspection's splits add up to, and the quantities a new return may take back.
 * The rules (which disposition fits which status) are the domain's own.
 */
import { ALLOWED_DISPOSITIONS, PENDING, type Disposition, type PendingStatus, type ReturnStatus } from '../../src/domain/returns/rules';
import { parseDecimal } from '../../src/domain/quantity';

export { ALLOWED_DISPOSITIONS, PENDING };

/** A return line as the inspection form shows it: its Returns rows. */
export interface LineState {
  lineKey: string;
  sku: string;
  rows: { status: ReturnStatus; bin: string; qty: number }[];
}

const clean = (n: number) => Number(n.toFixed(9));

/** What waits for a decision per pending status (statuses with nothing are left out). */
export function pendingOf(line: LineState): { status: PendingStatus; qty: number }[] {
  return PENDING.map((status) => ({ status, qty: clean(line.rows.filter((r) => r.status === status).reduce((a, r) => a + r.qty, 0)) })).filter((x) => x.qty > 0);
}

/** Goods the disposition sends out of the ledger: nothing to put in a bin. */
export function leaves(from: string, disposition: string): boolean {
  return disposition === 'write_off' || (disposition === 'rtv' && from === 'inspected');
}

export function dispositionsFor(from: PendingStatus): readonly Disposition[] {
  return ALLOWED_DISPOSITIONS[from];
}

export interface SplitDraft {
  lineKey: string;
  from: string;
  qty: string;
}

/**
 * Per line and status: what is held, what the splits give, what is left; `over` when the
 * splits give more than is held. Quantities that are not numbers yet count as 0.
 */
export function splitTotals(lines: readonly LineState[], splits: readonly SplitDraft[]): { lineKey: string; status: PendingStatus; held: number; given: number; left: number; over: boolean }[] {
  const out = [];
  for (const line of lines) {
    for (const p of pendingOf(line)) {
      const given = clean(splits.filter((s) => s.lineKey === line.lineKey && s.from === p.status).reduce((a, s) => a + Math.max(0, parseDecimal(s.qty) ?? 0), 0));
      out.push({ lineKey: line.lineKey, status: p.status, held: p.qty, given, left: clean(p.qty - given), over: given > p.qty });
    }
  }
  return out;
}

/** A typed return quantity checked against what the line can still return: null when fine or empty. */
export function overReturnable(typed: string, returnable: number): boolean {
  const q = parseDecimal(typed);
  return q !== null && q > returnable;
}
