/** Reading the whole ledger, in chunks so each getValues stays short (check, reports, FIFO set-up). */
import type { Movement } from '../domain/types';
import type { Workbook } from './ports';

/** Rows per getValues when reading the whole ledger (18 columns: 90,000 cells a call). */
export const LEDGER_CHUNK = 5000;
const FIRST_ROW = 3;

export function readLedger(wb: Workbook, toRow: number): Movement[] {
  const ledger = wb.ledger();
  const out: Movement[] = [];
  for (let from = FIRST_ROW; from <= toRow; from += LEDGER_CHUNK) {
    for (const r of ledger.read(from, Math.min(toRow, from + LEDGER_CHUNK - 1))) out.push(r.value);
  }
  return out;
}
