/**
 * Cycle counts: make a count sheet (its lines and the ledger watermark they were read at),
 * then submit counted quantities. Variances are posted as count movements with a value;
 * a line whose stock moved since the sheet was made is not posted but flagged stale (with
 * the movements in between); a variance above the Settings threshold asks for a recount.
 */
import type { Movement } from '../domain/types';
import { ProblemError, problem, type Change, type Problem } from '../domain/result';
import { cleanText, skuKey } from '../domain/text';
import { fromMinor, toMinor } from '../domain/money';
import { keyOf } from '../domain/projection';
import { isAfter, movementId } from '../domain/movement-id';
import { countOutcome, MAX_FOUND_LINES, nextCountId, parseCounted, parseThreshold, planCriteria, planFoundLines, selectCountLines, type CountSheetPayload, type CountStatus, type FoundLine } from '../domain/counts';
import { linesOf, requestIdOf } from '../domain/form-input';
import type { Translator } from '../domain/i18n';
import { abcBySku, countsStore, findLedgerRows, readLedgerRows, type CountRow } from '../sheets/returns-stores';
import type { Located } from '../sheets/stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite, type WriteSession } from './write';
import { RowBuilder } from './movements';
import { logged } from './returns';

export interface CountSheetValue {
  countId: string;
  replayed: boolean;
  blind: boolean;
  /** the last movement when the sheet was made */
  watermark: string;
  /** `expected` only when the sheet is not blind */
  lines: { line: number; bin: string; sku: string; name: string; lot: string; expiry: string; unit: string; decimals: number; expected?: number }[];
}

function lastId(session: WriteSession): string {
  return session.nextNumber > 1 ? movementId(session.nextNumber - 1) : '';
}

function sheetValue(session: WriteSession, countId: string, rows: CountRow[], blind: boolean, replayed: boolean): CountSheetValue {
  const caches = session.cachesLoaded();
  const items = new Map(caches.items.map((i) => [skuKey(i.sku), i]));
  return {
    countId, replayed, blind, watermark: rows[0]?.watermark ?? '',
    lines: rows.map((r, i) => {
      const item = items.get(skuKey(r.sku));
      const level = caches.levels.get(keyOf({ sku: r.sku, bin: r.bin, state: 'available', lot: r.lot }))?.value;
      const line = { line: i + 1, bin: r.bin, sku: r.sku, name: item?.name ?? '', lot: r.lot, expiry: level?.expiry ?? '', unit: item?.unit ?? '', decimals: item?.decimals ?? 0 };
      return blind ? line : { ...line, expected: r.expected ?? 0 };
    }),
  };
}

export function createCountSheet(ports: Ports, payload: CountSheetPayload, t: Translator): Outcome<CountSheetValue> {
  const planned = planCriteria(payload ?? {});
  if (!planned.criteria) throw new ProblemError(planned.problems);
  const criteria = planned.criteria;
  const requestId = cleanText(payload.requestId);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const store = countsStore(wb);
    const all = store.readAll();
    const mine = all.filter((r) => r.value.requestId === requestId);
    if (mine.length) {
      return { value: sheetValue(session, mine[0].value.countId, mine.map((r) => r.value), criteria.blind, true), changes: [{ kind: 'replayed', message: t('change.replayed') }] };
    }
    const caches = session.cachesLoaded();
    const now = ports.clock.now();
    const lastCounted = new Map<string, number>();
    for (const { value: r } of all) {
      if (r.status !== 'posted' || r.createdAt === null) continue;
      const k = skuKey(r.sku);
      lastCounted.set(k, Math.max(lastCounted.get(k) ?? 0, r.createdAt));
    }
    // ABC classes come from the reports (rebuildReports); before a first build, asking for a class says so.
    const abc = criteria.abcClass ? abcBySku(wb) : null;
    const selected = selectCountLines({ criteria, levels: caches.levelList(), items: caches.items, lastCounted, now, abc });
    if (selected.problems.length) throw new ProblemError(selected.problems);
    const countId = nextCountId(all.map((r) => r.value.countId));
    const watermark = lastId(session);
    const rows: CountRow[] = selected.lines.map((l) => ({
      countId, bin: l.bin, sku: l.sku, lot: l.lot, expected: l.expected, counted: null, variance: null, status: 'open',
      watermark, requestId, createdAt: now, user: ports.identity.email(),
    }));
    store.append(rows);
    const value = sheetValue(session, countId, rows, criteria.blind, false);
    return { value, changes: [{ kind: 'count_sheet', countId, message: t('change.countSheet', { count: countId, lines: rows.length }) }] };
  });
}

export interface SubmitCountPayload {
  requestId?: unknown;
  countId?: unknown;
  /** line: the 1-based line of the count sheet */
  lines?: unknown;
  /** post lines above the recount threshold without asking (a recount already done on paper) */
  accept?: unknown;
  /** stock found at places the sheet does not list: { sku, bin, lot?, expiry?, counted } */
  found?: unknown;
}

export interface SubmitCountValue {
  countId: string;
  replayed: boolean;
  posted: number;
  recount: number;
  stale: number;
  /** every line of the sheet is posted */
  complete: boolean;
  /** value of the variances posted, currency units (gains positive) */
  valueChange: number;
  lines: {
    line: number; sku: string; bin: string; lot: string; counted: number; status: CountStatus;
    /** posted lines only (a recount stays blind) */
    expected?: number; variance?: number;
    code?: 'count_stale' | 'count_recount'; message?: string;
    /** stale lines: what moved at that place since the sheet was made */
    movements?: { movementId: string; time: string; user: string; type: string; qty: number }[];
  }[];
  /** the found lines posted (line: 1-based found line), each a count gain into available */
  found: { line: number; sku: string; bin: string; lot: string; expiry: string; counted: number; value: number }[];
}

export function submitCount(ports: Ports, payload: SubmitCountPayload, t: Translator): Outcome<SubmitCountValue> {
  const shape = requestIdOf(payload);
  const countId = cleanText(payload?.countId);
  if (!countId) shape.push(problem('required', 'countId'));
  const foundRaw = Array.isArray(payload?.found)
    ? (payload.found as unknown[]).map((l) => (l && typeof l === 'object' ? (l as Record<string, unknown>) : {}))
    : [];
  if (foundRaw.length > MAX_FOUND_LINES) shape.push(problem('too_many_lines', 'found', undefined, { max: MAX_FOUND_LINES }));
  // found lines alone are a submission too
  const noSheetLines = foundRaw.length > 0 && (!Array.isArray(payload?.lines) || payload.lines.length === 0);
  const raw = noSheetLines ? [] : linesOf(payload ?? {}, shape, 1000);
  if (shape.length) throw new ProblemError(shape);
  const requestId = cleanText(payload.requestId);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const currency = wb.currency();
    const store = countsStore(wb);
    const sheet = store.readAll().filter((r) => r.value.countId === countId);
    if (sheet.length === 0) throw new ProblemError([problem('unknown_count', 'countId', undefined, { value: countId })]);
    const sheetFp = raw.map((l) => [String(l.line ?? ''), String(l.counted ?? '')]);
    const fp = JSON.stringify(foundRaw.length
      ? { lines: sheetFp, found: foundRaw.map((l) => ['sku', 'bin', 'lot', 'expiry', 'counted'].map((k) => String(l[k] ?? ''))) }
      : sheetFp);
    const replay = logged<SubmitCountValue>(session, requestId, fp, t);
    if (replay) return replay;
    const caches = session.cachesLoaded();
    const items = new Map(caches.items.map((i) => [skuKey(i.sku), i]));
    const problems: Problem[] = [];
    const counted = new Map<number, number>();
    const seen = new Map<number, number>();
    raw.forEach((input, i) => {
      const n = i + 1;
      const line = Number(input.line);
      const target = Number.isInteger(line) ? sheet[line - 1] : undefined;
      if (!target) return void problems.push(problem('unknown_line', 'line', n, { value: String(input.line ?? '') }));
      if (seen.has(line)) return void problems.push(problem('duplicate_line', 'line', n, { value: line, line: seen.get(line) as number }));
      seen.set(line, n);
      if (target.value.status === 'posted' && target.value.requestId !== requestId) return void problems.push(problem('count_closed', 'line', n, { value: line, count: countId }));
      const q = parseCounted(input.counted, items.get(skuKey(target.value.sku))?.decimals ?? 0, n, problems);
      if (q !== null) counted.set(line, q);
    });
    // A cut-off after the ledger was written: this request's rows are there (found places hold them now).
    const prior = wb.ledger().findRequest(requestId).map((r) => r.value);
    const found = planFoundLines(foundRaw, {
      items: caches.items, levels: caches.levelList(), sheet: sheet.map((r) => r.value), sent: new Set(seen.keys()), checkStock: prior.length === 0,
    });
    problems.push(...found.problems);
    if (problems.length) throw new ProblemError(problems);

    // A cut-off after the table was written: this request's lines carry its id.
    const done = sheet.filter((r) => r.value.requestId === requestId);
    const ours = new Set(prior.map((m) => m.movementId));
    const threshold = parseThreshold(wb.settings().count_recount_threshold ?? '');
    const builder = new RowBuilder(caches, { requestId, user: ports.identity.email(), time: ports.clock.now(), currency });
    const updates: { row: number; fields: Partial<CountRow> }[] = [];
    const outcome = new Map<number, { status: CountStatus; variance: number | null; expected: number }>();
    const watermarkNow = lastId(session);
    const ref = { refType: 'count', refId: countId };
    /** A gain comes in at the current average (FIFO: the last receipt cost), else the item's cost. */
    const gain = (at: { sku: string; bin: string; state: 'available'; lot: string; expiry: string }, qty: number) => {
      const cost = builder.currentUnitCost(at.sku) ?? items.get(skuKey(at.sku))?.unitCost ?? null;
      builder.inbound('count', at, qty, cost === null ? 0 : toMinor(qty * cost, currency), cost, ref);
    };
    for (const [line, q] of counted) {
      const { row, value: r } = sheet[line - 1] as Located<CountRow>;
      const place = { sku: r.sku, bin: r.bin, state: 'available' as const, lot: r.lot };
      const level = caches.levels.get(keyOf(place))?.value;
      const expected = r.expected ?? 0;
      if (done.length) {
        outcome.set(line, { status: r.status, variance: r.variance, expected });
        continue;
      }
      const mineRows = prior.filter((m) => keyOf(m) === keyOf(place));
      const o = level && ours.has(level.appliedThrough)
        ? { kind: 'post' as const, variance: mineRows.reduce((a, m) => a + m.qty, 0) }
        : countOutcome({ expected, counted: q, status: r.status, watermark: r.watermark, appliedThrough: level?.appliedThrough ?? '', threshold, accept: payload.accept === true });
      if (o.kind === 'stale') {
        const now = level?.qty ?? 0;
        updates.push({ row, fields: { counted: q, variance: null, status: 'stale', expected: now, watermark: watermarkNow, requestId } });
        outcome.set(line, { status: 'stale', variance: null, expected: r.expected ?? 0 });
        continue;
      }
      if (o.kind === 'recount') {
        updates.push({ row, fields: { counted: q, variance: o.variance, status: 'recount', requestId } });
        outcome.set(line, { status: 'recount', variance: o.variance, expected });
        continue;
      }
      if (prior.length === 0 && o.variance !== 0) {
        const at = { ...place, expiry: level?.expiry ?? '' };
        if (o.variance < 0) builder.out('count', at, -o.variance, ref, line);
        else {
          gain(at, o.variance);
        }
      }
      updates.push({ row, fields: { counted: q, variance: o.variance, status: 'posted', requestId } });
      outcome.set(line, { status: 'posted', variance: o.variance, expected });
    }
    // Found stock: a gain into available at its place (posted once: a retry finds its rows in `prior`).
    if (prior.length === 0) for (const f of found.lines) gain({ sku: f.sku, bin: f.bin, state: 'available', lot: f.lot, expiry: f.expiry }, f.counted);
    const posted = prior.length ? prior : builder.rows.length ? session.post(builder.rows).movements : [];
    store.updateMany(updates);
    const value = countValue(session, countId, sheet, counted, outcome, posted, done.length > 0 || prior.length > 0, t, found.lines);
    wb.log().append([{
      time: ports.clock.now(), user: ports.identity.email(), level: value.stale || value.recount ? 'warning' : 'info', event: 'submit_count',
      message: t('log.counted', { count: countId, posted: value.posted, recount: value.recount, stale: value.stale }), details: logDetails(fp, value), requestId,
    }]);
    const changes: Change[] = [{ kind: 'count_submitted', countId, message: t('log.counted', { count: countId, posted: value.posted, recount: value.recount, stale: value.stale }) }];
    for (const l of value.lines) if (l.message) changes.push({ kind: l.code ?? 'count', line: l.line, message: l.message });
    for (const f of value.found) changes.push({ kind: 'count_found', line: f.line, message: t('change.countFound', { sku: f.sku, bin: f.bin, qty: f.counted }) });
    return { value, changes };
  });
}

/** The result kept in the Log for a replay, within a cell's size: the movement lists go first, then the lines. */
function logDetails(fp: string, value: SubmitCountValue): string {
  const full = JSON.stringify({ fp, value });
  if (full.length <= 45000) return full;
  const slim = JSON.stringify({ fp, value: { ...value, lines: value.lines.map(({ movements: _m, ...l }) => l) } });
  return slim.length <= 45000 ? slim : JSON.stringify({ fp, value: { ...value, lines: [] } });
}

function countValue(
  session: WriteSession, countId: string, sheet: Located<CountRow>[], counted: Map<number, number>,
  outcome: Map<number, { status: CountStatus; variance: number | null; expected: number }>, posted: Movement[], replayed: boolean, t: Translator,
  foundLines: FoundLine[],
): SubmitCountValue {
  const ledger = session.ports.workbook.ledger();
  const staleLines = Array.from(outcome).filter(([, o]) => o.status === 'stale').map(([line]) => sheet[line - 1].value);
  // What moved at stale places since their watermark: the rows of their SKUs after it.
  let between: Movement[] = [];
  if (staleLines.length) {
    const rows = findLedgerRows(ledger, 'sku', staleLines.map((r) => r.sku), { ignoreCase: true });
    const from = Math.min(...staleLines.map((r) => (r.watermark ? Number(r.watermark.slice(1)) + 2 : 2)));
    between = readLedgerRows(ledger, rows.filter((n) => n > from)).map((r) => r.value);
  }
  const lines: SubmitCountValue['lines'] = [];
  let valueMinor = 0;
  for (const m of posted) if (m.type === 'count') valueMinor += m.valueMinor;
  for (const [line, q] of counted) {
    const r = sheet[line - 1].value;
    const o = outcome.get(line) as { status: CountStatus; variance: number | null; expected: number };
    const base = { line, sku: r.sku, bin: r.bin, lot: r.lot, counted: q, status: o.status };
    if (o.status === 'posted') lines.push({ ...base, expected: o.expected, variance: o.variance ?? 0 });
    else if (o.status === 'recount') lines.push({ ...base, code: 'count_recount', message: t('err.count_recount', { line, sku: r.sku, bin: r.bin }) });
    else {
      const place = keyOf({ sku: r.sku, bin: r.bin, state: 'available', lot: r.lot });
      const moved = between.filter((m) => keyOf(m) === place && (!r.watermark || isAfter(m.movementId, r.watermark)));
      lines.push({
        ...base, code: 'count_stale', message: t('err.count_stale', { line, sku: r.sku, bin: r.bin, moves: moved.length }),
        movements: moved.map((m) => ({ movementId: m.movementId, time: new Date(m.time).toISOString(), user: m.user, type: m.type, qty: m.qty })),
      });
    }
  }
  const currency = session.ports.workbook.currency();
  const found = foundLines.map((f, i) => {
    const place = keyOf({ sku: f.sku, bin: f.bin, state: 'available', lot: f.lot });
    const minor = posted.filter((m) => m.type === 'count' && keyOf(m) === place).reduce((a, m) => a + m.valueMinor, 0);
    return { line: i + 1, sku: f.sku, bin: f.bin, lot: f.lot, expiry: f.expiry, counted: f.counted, value: fromMinor(minor, currency) };
  });
  const after = new Map(sheet.map((r, i) => [i + 1, outcome.get(i + 1)?.status ?? r.value.status]));
  return {
    countId, replayed, lines,
    posted: lines.filter((l) => l.status === 'posted').length,
    recount: lines.filter((l) => l.status === 'recount').length,
    stale: lines.filter((l) => l.status === 'stale').length,
    complete: Array.from(after.values()).every((s) => s === 'posted'),
    valueChange: fromMinor(valueMinor, currency),
    found,
  };
}
