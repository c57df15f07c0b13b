/**
 * Stock adjustments people make by hand: moves between bins and states, write-offs, the
 * expiry view, and the rules for voiding a movement. Pure.
 */
import type { Item, Movement, MovementType, StockLevel, StockState } from './types';
import { STATES } from './types';
import { problem, type Problem } from './result';
import { cleanText, MAX_ID, MAX_TEXT, normalizeBin, skuKey } from './text';
import { ItemIndex, resolveCode } from './items';
import { choice, linesOf, positiveQty, requestIdOf, text } from './form-input';
import { WRITE_OFF_REASONS, type WriteOffReason } from './returns/rules';

/** Picked and packed goods belong to orders: cancel, pack or ship them instead. */
export const ORDER_STATES: readonly StockState[] = ['picked', 'packed'];

/** State changes a person may make; a move within one state (another bin) is always allowed outside order states. */
export const STATE_CHANGES: Readonly<Record<StockState, readonly StockState[]>> = {
  available: ['damaged'],
  damaged: ['available'],
  quarantine: ['available', 'damaged'],
  repair: ['available', 'damaged'],
  rtv: [],
  picked: [],
  packed: [],
};

export function moveProblem(from: StockState, to: StockState, line?: number): Problem | null {
  if (ORDER_STATES.includes(from)) return problem('state_not_allowed', 'state', line, { state: from });
  if (ORDER_STATES.includes(to)) return problem('state_not_allowed', 'toState', line, { state: to });
  if (from !== to && !STATE_CHANGES[from].includes(to)) return problem('move_not_allowed', 'toState', line, { from, to });
  return null;
}

export interface Place {
  sku: string;
  bin: string;
  state: StockState;
  lot: string;
}

/** The stock place a form line names: a known SKU (or barcode), a bin, a state, a lot. */
function placeOf(input: Record<string, unknown>, index: ItemIndex, n: number, problems: Problem[]): { place: Place; item: Item } | null {
  const before = problems.length;
  const code = cleanText(input.sku);
  const item = resolveCode(index, code, 'sku', n, problems);
  const bin = normalizeBin(input.bin);
  if (!bin) problems.push(problem('required', 'bin', n));
  else text(problems, bin, 'bin', MAX_ID, n);
  const state = choice(problems, input.state, STATES, 'state', n, 'available');
  const lot = text(problems, input.lot, 'lot', MAX_ID, n);
  if (problems.length > before || !item || !state) return null;
  return { place: { sku: item.sku, bin, state, lot }, item };
}

export interface MoveLine extends Place {
  line: number;
  qty: number;
  toBin: string;
  toState: StockState;
}

export function planMoves(payload: { requestId?: unknown; note?: unknown; lines?: unknown }, items: readonly Item[]): { lines: MoveLine[]; note: string; problems: Problem[] } {
  const problems = requestIdOf(payload);
  const note = text(problems, payload.note, 'note', MAX_TEXT);
  const index = new ItemIndex(items);
  const lines: MoveLine[] = [];
  linesOf(payload, problems).forEach((input, i) => {
    const n = i + 1;
    const before = problems.length;
    const at = placeOf(input, index, n, problems);
    const qty = positiveQty(problems, input.qty, at ? at.item.decimals : null, 'qty', n);
    const toBin = normalizeBin(input.toBin) || (at ? at.place.bin : '');
    text(problems, toBin, 'toBin', MAX_ID, n);
    const toState = choice(problems, input.toState, STATES, 'toState', n, at ? at.place.state : 'available');
    if (at && toState) {
      const p = moveProblem(at.place.state, toState, n);
      if (p) problems.push(p);
      else if (toBin === at.place.bin && toState === at.place.state) problems.push(problem('same_place', 'toBin', n));
    }
    if (problems.length === before && at && qty !== null && toState) lines.push({ ...at.place, line: n, qty, toBin, toState });
  });
  return { lines, note, problems };
}

export interface WriteOffLine extends Place {
  line: number;
  qty: number;
  reason: WriteOffReason;
}

export function planWriteOffs(payload: { requestId?: unknown; reason?: unknown; note?: unknown; lines?: unknown }, items: readonly Item[]): { lines: WriteOffLine[]; note: string; problems: Problem[] } {
  const problems = requestIdOf(payload);
  const note = text(problems, payload.note, 'note', MAX_TEXT);
  const reason = choice(problems, payload.reason, WRITE_OFF_REASONS, 'reason', undefined, 'other');
  const index = new ItemIndex(items);
  const lines: WriteOffLine[] = [];
  linesOf(payload, problems).forEach((input, i) => {
    const n = i + 1;
    const before = problems.length;
    const at = placeOf(input, index, n, problems);
    const qty = positiveQty(problems, input.qty, at ? at.item.decimals : null, 'qty', n);
    const lineReason = choice(problems, input.reason, WRITE_OFF_REASONS, 'reason', n, reason ?? 'other');
    if (at && ORDER_STATES.includes(at.place.state)) problems.push(problem('state_not_allowed', 'state', n, { state: at.place.state }));
    if (problems.length === before && at && qty !== null && lineReason) lines.push({ ...at.place, line: n, qty, reason: lineReason });
  });
  return { lines, note, problems };
}

// ---------------------------------------------------------------- expiry

/** Whole days from a to b (yyyy-MM-dd), negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400000);
}

export interface ExpiringLot extends Place {
  expiry: string;
  daysLeft: number;
  qty: number;
  valueMinor: number;
}

/** Lots held outside orders that expire within `days` of today (already expired included), soonest first. */
export function expiringLots(levels: readonly StockLevel[], today: string, days: number): ExpiringLot[] {
  return levels
    .filter((l) => l.expiry && l.qty > 0 && !ORDER_STATES.includes(l.state) && daysBetween(today, l.expiry) <= days)
    .map((l) => ({ sku: l.sku, bin: l.bin, state: l.state, lot: l.lot, expiry: l.expiry, daysLeft: daysBetween(today, l.expiry), qty: l.qty, valueMinor: l.valueMinor }))
    .sort((a, b) => a.expiry.localeCompare(b.expiry) || a.bin.localeCompare(b.bin) || skuKey(a.sku).localeCompare(skuKey(b.sku)));
}

// ---------------------------------------------------------------- voids

/** Types moved by the order flow: cancel the order or take a return instead of voiding. */
export const ORDER_TYPES: readonly MovementType[] = ['pick', 'pack', 'ship'];
/** Types written as two rows (from, to) that are voided together. */
export const PAIR_TYPES: readonly MovementType[] = ['move', 'inspect', 'pick', 'pack'];

/** The other row of a move written by the same request: the next row for the source, the previous one for the destination. */
export function isPartner(row: Movement, other: Movement | undefined): boolean {
  if (!other || !PAIR_TYPES.includes(row.type)) return false;
  return other.requestId === row.requestId && other.type === row.type && skuKey(other.sku) === skuKey(row.sku) &&
    other.lot === row.lot && Number((other.qty + row.qty).toFixed(9)) === 0 && other.reverses === row.reverses;
}

/** Why a movement cannot be voided, or null. */
export function voidProblem(row: Movement, voidedBy: readonly Movement[]): Problem | null {
  const value = row.movementId;
  if (row.type === 'reversal') return problem('void_reversal', 'movementId', undefined, { value });
  if (ORDER_TYPES.includes(row.type)) return problem('void_order_movement', 'movementId', undefined, { value, type: row.type });
  const by = voidedBy.find((m) => m.type === 'reversal');
  if (by) return problem('already_voided', 'movementId', undefined, { value, by: by.movementId });
  return null;
}
