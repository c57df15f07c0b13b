/**
 * The write protocol every mutating use case follows (DESIGN sections 3 and 4):
 * take the document lock (or answer `busy`), check the ledger was not altered by hand,
 * heal the caches from ledger rows past the watermark (a crash between the ledger append
 * and the cache update heals here), run the use case, write the watermark last, flush,
 * release.
 */
import { ProblemError, problem } from '../domain/result';
import { movementId, movementNumber } from '../domain/movement-id';
import type { Movement } from '../domain/types';
import { INTERNAL_TYPES as INTERNAL } from '../domain/valuation';
import type { Ports } from './ports';
import { Caches } from './caches';

export const WATERMARK_PROPERTY = 'ledger_watermark';
export const LOCK_TIMEOUT_MS = 10000;
/** Row of the first movement: ids are sequential by row, M00000001 on row 3. */
const FIRST_ROW = 3;

export interface Watermark {
  row: number;
  id: string;
}

export class WriteSession {
  private caches: Caches | null = null;
  /** number of the next movement id */
  nextNumber: number;
  lastRow: number;

  constructor(readonly ports: Ports, lastRow: number) {
    this.lastRow = lastRow;
    this.nextNumber = lastRow - FIRST_ROW + 2;
  }

  cachesLoaded(): Caches {
    if (!this.caches) this.caches = new Caches(this.ports.workbook);
    return this.caches;
  }

  /** Append movements (ids assigned here, under the lock) and update the caches. */
  post(movements: Omit<Movement, 'movementId'>[]): { movements: Movement[]; effects: ReturnType<Caches['apply']> } {
    const withIds = movements.map((m, i) => ({ ...m, movementId: movementId(this.nextNumber + i) }) as Movement);
    if (withIds.length === 0) return { movements: [], effects: new Map() };
    const caches = this.cachesLoaded();
    this.ports.workbook.ledger().append(withIds);
    // The valuation method is fixed by the first outbound movement (DESIGN section 5).
    if (withIds.some((m) => m.qty < 0 && !INTERNAL.includes(m.type))) this.ports.workbook.lockValuationMethod();
    this.nextNumber += withIds.length;
    this.lastRow += withIds.length;
    const effects = caches.apply(withIds, this.ports.clock.now(), this.ports.workbook.currency());
    return { movements: withIds, effects };
  }
}

export function readWatermark(ports: Ports): Watermark {
  try {
    const w = JSON.parse(ports.props.get(WATERMARK_PROPERTY) ?? '') as Watermark;
    if (typeof w.row === 'number' && typeof w.id === 'string') return w;
  } catch {
    // no watermark yet: start from the top of the ledger
  }
  return { row: FIRST_ROW - 1, id: '' };
}

/** Under the lock: refuse a hand-altered ledger, heal caches from rows past the watermark. */
function guardLedger(ports: Ports): WriteSession {
  const ledger = ports.workbook.ledger();
  const hint = readWatermark(ports);
  const last = ledger.lastRow();
  const altered = () => new ProblemError([problem('ledger_altered', 'ledger')]);
  if (last < hint.row) throw altered();
  const from = Math.max(hint.row, FIRST_ROW);
  // The first row too: a sort moves it (unless it keeps both ends in place, which only
  // checkStock's full read sees).
  const first = from > FIRST_ROW && last >= FIRST_ROW ? ledger.read(FIRST_ROW, FIRST_ROW) : [];
  const rows = [...first, ...ledger.read(from, last)];
  // Every row read must hold the id its position implies: the watermark row proves nothing
  // above it moved, the rows after it (normally none) prove the tail is intact.
  for (const r of rows) {
    if (r.value.movementId !== movementId(r.row - FIRST_ROW + 1)) throw altered();
  }
  if (hint.id && movementNumber(hint.id) !== hint.row - FIRST_ROW + 1) throw altered();
  const session = new WriteSession(ports, last);
  const pending = rows.filter((r) => r.row > hint.row).map((r) => r.value);
  if (pending.length) session.cachesLoaded().apply(pending, ports.clock.now(), ports.workbook.currency());
  return session;
}

export function withWrite<T>(ports: Ports, body: (session: WriteSession) => T): T {
  if (!ports.lock.tryAcquire(LOCK_TIMEOUT_MS)) throw new ProblemError([problem('busy')], true);
  try {
    const session = guardLedger(ports);
    const result = body(session);
    if (session.lastRow >= FIRST_ROW) {
      const mark: Watermark = { row: session.lastRow, id: movementId(session.lastRow - FIRST_ROW + 1) };
      ports.props.set(WATERMARK_PROPERTY, JSON.stringify(mark));
    }
    ports.workbook.flush();
    return result;
  } finally {
    ports.lock.release();
  }
}
