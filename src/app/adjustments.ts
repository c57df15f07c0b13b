/**
 * Adjustments by hand: move stock between bins and states, write stock off, act on lots
 * about to expire, void a movement. Each is one ledger batch under the lock; a retry finds
 * its rows and answers with the first result rebuilt from them.
 */
import type { Movement, StockState } from '../domain/types';
import { ProblemError, problem, type Change } from '../domain/result';
import { cleanText, MAX_TEXT, skuKey } from '../domain/text';
import { fromMinor } from '../domain/money';
import { keyOf } from '../domain/projection';
import { movementNumber } from '../domain/movement-id';
import { expiringLots, isPartner, planMoves, planWriteOffs, voidProblem, type ExpiringLot } from '../domain/adjustments';
import { WRITE_OFF_REASONS, type WriteOffReason } from '../domain/returns/rules';
import { choice, requestIdOf, text } from '../domain/form-input';
import { replenishmentSettings } from '../domain/replenishment/settings';
import type { MessageKey, Translator } from '../domain/i18n';
import { ledgerWhere } from '../sheets/returns-stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite, type WriteSession } from './write';
import { RowBuilder, type Place } from './movements';
import { reconcileAfter } from './return-lines';
import { applyPoReceipt } from './purchasing';
import { labels } from './returns';

const replayed = (t: Translator): Change[] => [{ kind: 'replayed', message: t('change.replayed') }];

function builderFor(session: WriteSession, requestId: string): RowBuilder {
  const ports = session.ports;
  return new RowBuilder(session.cachesLoaded(), { requestId, user: ports.identity.email(), time: ports.clock.now(), currency: ports.workbook.currency() });
}

function placeWithExpiry(session: WriteSession, p: Omit<Place, 'expiry'>): Place {
  return { ...p, expiry: session.cachesLoaded().levels.get(keyOf(p))?.value.expiry ?? '' };
}

// ---------------------------------------------------------------- move

export interface MoveValue {
  replayed: boolean;
  movementIds: string[];
  lines: { line: number; sku: string; lot: string; qty: number; fromBin: string; fromState: StockState; toBin: string; toState: StockState; value: number }[];
}

function moveLines(rows: readonly Movement[], currency: string): MoveValue['lines'] {
  const out: MoveValue['lines'] = [];
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const [a, b] = [rows[i], rows[i + 1]];
    out.push({ line: out.length + 1, sku: a.sku, lot: a.lot, qty: b.qty, fromBin: a.bin, fromState: a.state, toBin: b.bin, toState: b.state, value: fromMinor(b.valueMinor, currency) });
  }
  return out;
}

export function moveStock(ports: Ports, payload: { requestId?: unknown; note?: unknown; lines?: unknown }, t: Translator): Outcome<MoveValue> {
  const shape = requestIdOf(payload);
  if (shape.length) throw new ProblemError(shape);
  const requestId = cleanText(payload.requestId);
  return withWrite(ports, (session) => {
    const currency = ports.workbook.currency();
    const planned = planMoves(payload, session.cachesLoaded().items);
    if (planned.problems.length) throw new ProblemError(planned.problems);
    const prior = ports.workbook.ledger().findRequest(requestId).map((r) => r.value);
    if (prior.length) {
      const sig = (l: { sku: string; lot: string; qty: number }, a: string, b: string, c: string, d: string) => [skuKey(l.sku), l.lot, l.qty, a, b, c, d].join('\u0001');
      const before = moveLines(prior, currency);
      const same = before.length === planned.lines.length &&
        before.every((l, i) => sig(l, l.fromBin, l.fromState, l.toBin, l.toState) === sig(planned.lines[i], planned.lines[i].bin, planned.lines[i].state, planned.lines[i].toBin, planned.lines[i].toState));
      if (!same) throw new ProblemError([problem('request_reused', 'requestId')]);
      return { value: { replayed: true, movementIds: prior.map((m) => m.movementId), lines: before }, changes: replayed(t) };
    }
    const builder = builderFor(session, requestId);
    for (const l of planned.lines) {
      const from = placeWithExpiry(session, l);
      builder.transfer('move', from, { sku: l.sku, bin: l.toBin, state: l.toState, lot: l.lot, expiry: from.expiry }, l.qty, { note: planned.note }, l.line);
    }
    const rows = session.post(builder.rows).movements;
    const lines = moveLines(rows, currency);
    const changes: Change[] = lines.map((l) => ({
      kind: 'moved', sku: l.sku, qty: l.qty,
      message: t('change.moved', { sku: l.sku, qty: l.qty, from: `${l.fromBin} (${t(`state.${l.fromState}` as MessageKey)})`, to: `${l.toBin} (${t(`state.${l.toState}` as MessageKey)})` }),
    }));
    return { value: { replayed: false, movementIds: rows.map((m) => m.movementId), lines }, changes };
  });
}

// ---------------------------------------------------------------- write-off

export interface WriteOffValue {
  replayed: boolean;
  movementIds: string[];
  lines: { line: number; sku: string; bin: string; state: StockState; lot: string; qty: number; reason: string; value: number }[];
  /** value written off, currency units */
  total: number;
}

function writeOffValue(rows: readonly Movement[], currency: string, again: boolean): WriteOffValue {
  const lines = rows.map((m, i) => ({ line: i + 1, sku: m.sku, bin: m.bin, state: m.state, lot: m.lot, qty: -m.qty, reason: m.refId, value: fromMinor(-m.valueMinor, currency) }));
  return { replayed: again, movementIds: rows.map((m) => m.movementId), lines, total: fromMinor(-rows.reduce((a, m) => a + m.valueMinor, 0), currency) };
}

function writeOffChanges(t: Translator, v: WriteOffValue): Change[] {
  return v.lines.map((l) => ({
    kind: 'written_off', sku: l.sku, qty: l.qty,
    message: t('change.writtenOff', { sku: l.sku, qty: l.qty, bin: l.bin, state: t(`state.${l.state}` as MessageKey), reason: t(`writeOffReason.${l.reason}` as MessageKey) }),
  }));
}

export function writeOff(ports: Ports, payload: { requestId?: unknown; reason?: unknown; note?: unknown; lines?: unknown }, t: Translator): Outcome<WriteOffValue> {
  const shape = requestIdOf(payload);
  if (shape.length) throw new ProblemError(shape);
  const requestId = cleanText(payload.requestId);
  return withWrite(ports, (session) => {
    const currency = ports.workbook.currency();
    const planned = planWriteOffs(payload, session.cachesLoaded().items);
    if (planned.problems.length) throw new ProblemError(planned.problems);
    const prior = ports.workbook.ledger().findRequest(requestId).map((r) => r.value);
    if (prior.length) {
      const same = prior.length === planned.lines.length && prior.every((m, i) => keyOf(m) === keyOf(planned.lines[i]) && -m.qty === planned.lines[i].qty);
      if (!same) throw new ProblemError([problem('request_reused', 'requestId')]);
      return { value: writeOffValue(prior, currency, true), changes: replayed(t) };
    }
    const builder = builderFor(session, requestId);
    for (const l of planned.lines) builder.out('write_off', placeWithExpiry(session, l), l.qty, { refType: 'reason', refId: l.reason, note: planned.note }, l.line);
    const value = writeOffValue(session.post(builder.rows).movements, currency, false);
    return { value, changes: writeOffChanges(t, value) };
  });
}

// ---------------------------------------------------------------- expiry

export interface ExpiringValue {
  today: string;
  days: number;
  lots: (Omit<ExpiringLot, 'valueMinor'> & { name: string; value: number })[];
  /** the write-off reasons, labelled, for a form offering other reasons than "expired" */
  reasons: { code: WriteOffReason; label: string }[];
}

function daysOf(ports: Ports, given: unknown): number {
  if (given !== undefined && given !== null && given !== '') {
    const n = Number(cleanText(given));
    if (!Number.isInteger(n) || n < 0 || n > 3660) throw new ProblemError([problem('invalid_number', 'days', undefined, { value: String(given) })]);
    return n;
  }
  return replenishmentSettings(ports.workbook.settings()).settings.expiryAlertDays;
}

export function getExpiring(ports: Ports, payload: { days?: unknown }, t: Translator): Outcome<ExpiringValue> {
  const days = daysOf(ports, payload?.days);
  const wb = ports.workbook;
  const today = wb.ymd(ports.clock.now());
  const names = new Map(wb.items().readAll().map((i) => [skuKey(i.sku), i.name]));
  const currency = wb.currency();
  const lots = expiringLots(wb.stock().readAll().map((l) => l.value), today, days).map(({ valueMinor, ...l }) => ({ ...l, name: names.get(skuKey(l.sku)) ?? '', value: fromMinor(valueMinor, currency) }));
  return { value: { today, days, lots, reasons: labels(t, 'writeOffReason', WRITE_OFF_REASONS) }, changes: [] };
}

export interface ExpiryActionValue extends WriteOffValue {
  action: 'damage' | 'write_off';
}

export function expiryAction(
  ports: Ports,
  payload: { requestId?: unknown; action?: unknown; days?: unknown; note?: unknown; lots?: { sku?: unknown; bin?: unknown; state?: unknown; lot?: unknown }[] },
  t: Translator,
): Outcome<ExpiryActionValue> {
  const problems = requestIdOf(payload);
  const action = choice(problems, payload?.action, ['damage', 'write_off'] as const, 'action');
  const note = text(problems, payload?.note, 'note', MAX_TEXT);
  if (problems.length || !action) throw new ProblemError(problems);
  const requestId = cleanText(payload.requestId);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const currency = wb.currency();
    const prior = wb.ledger().findRequest(requestId).map((r) => r.value);
    const asValue = (rows: Movement[], again: boolean): ExpiryActionValue => {
      const outs = action === 'damage' ? rows.filter((m) => m.qty < 0) : rows;
      return { ...writeOffValue(outs, currency, again), action, lines: writeOffValue(outs, currency, again).lines.map((l) => ({ ...l, reason: 'expired' })) };
    };
    if (prior.length) return { value: asValue(prior, true), changes: replayed(t) };
    const today = wb.ymd(ports.clock.now());
    const caches = session.cachesLoaded();
    const view = expiringLots(caches.levelList(), today, daysOf(ports, payload.days));
    let chosen: ExpiringLot[] = view;
    if (Array.isArray(payload.lots)) {
      chosen = [];
      payload.lots.forEach((raw, i) => {
        const key = keyOf({ sku: cleanText(raw?.sku), bin: cleanText(raw?.bin).toUpperCase(), state: (cleanText(raw?.state) || 'available') as StockState, lot: cleanText(raw?.lot) });
        const found = view.find((l) => keyOf(l) === key);
        if (!found) problems.push(problem('nothing_expiring', 'lots', i + 1, { sku: cleanText(raw?.sku), bin: cleanText(raw?.bin), lot: cleanText(raw?.lot) }));
        else chosen.push(found);
      });
      if (problems.length) throw new ProblemError(problems);
    }
    if (action === 'damage') chosen = chosen.filter((l) => l.state !== 'damaged');
    if (chosen.length === 0) throw new ProblemError([problem('nothing_expiring', 'lots', undefined, { sku: '-', bin: '-', lot: '-' })]);
    const builder = builderFor(session, requestId);
    const ref = { refType: 'reason', refId: 'expired', note };
    chosen.forEach((l, i) => {
      const at: Place = { sku: l.sku, bin: l.bin, state: l.state, lot: l.lot, expiry: l.expiry };
      if (action === 'damage') builder.transfer('move', at, { ...at, state: 'damaged' }, l.qty, ref, i + 1);
      else builder.out('write_off', at, l.qty, ref, i + 1);
    });
    const value = asValue(session.post(builder.rows).movements, false);
    const changes = action === 'write_off' ? writeOffChanges(t, value) : value.lines.map((l) => ({
      kind: 'moved', sku: l.sku, qty: l.qty, message: t('change.moved', { sku: l.sku, qty: l.qty, from: `${l.bin} (${t(`state.${l.state}` as MessageKey)})`, to: `${l.bin} (${t('state.damaged')})` }),
    }));
    return { value, changes };
  });
}

// ---------------------------------------------------------------- void

export interface VoidValue {
  replayed: boolean;
  /** the movements voided: the one asked for, and the other row of a move */
  voided: string[];
  movementIds: string[];
  lines: { movementId: string; reverses: string; sku: string; bin: string; state: StockState; lot: string; qty: number; value: number }[];
}

function voidValue(rows: readonly Movement[], currency: string, again: boolean): VoidValue {
  return {
    replayed: again, voided: rows.map((m) => m.reverses), movementIds: rows.map((m) => m.movementId),
    lines: rows.map((m) => ({ movementId: m.movementId, reverses: m.reverses, sku: m.sku, bin: m.bin, state: m.state, lot: m.lot, qty: m.qty, value: fromMinor(m.valueMinor, currency) })),
  };
}

export function voidMovement(ports: Ports, payload: { requestId?: unknown; movementId?: unknown; note?: unknown }, t: Translator): Outcome<VoidValue> {
  const problems = requestIdOf(payload);
  const id = cleanText(payload?.movementId).toUpperCase();
  const note = text(problems, payload?.note, 'note', MAX_TEXT);
  if (!id) problems.push(problem('required', 'movementId'));
  if (problems.length) throw new ProblemError(problems);
  const requestId = cleanText(payload.requestId);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const ledger = wb.ledger();
    const currency = wb.currency();
    const prior = ledger.findRequest(requestId).map((r) => r.value);
    if (prior.length) {
      if (!prior.some((m) => m.reverses === id)) throw new ProblemError([problem('request_reused', 'requestId')]);
      reconcileAfter(session, prior, requestId);
      reconcilePo(session, prior, t);
      return { value: voidValue(prior, currency, true), changes: replayed(t) };
    }
    const n = movementNumber(id);
    const row = n === null ? 0 : n + 2;
    if (n === null || n < 1 || row > ledger.lastRow()) throw new ProblemError([problem('unknown_movement', 'movementId', undefined, { value: id })]);
    const around = ledger.read(Math.max(3, row - 1), Math.min(ledger.lastRow(), row + 1)).map((r) => r.value);
    const target = around.find((m) => m.movementId === id) as Movement;
    const partner = target.qty < 0 ? around.find((m) => m.movementId > id) : around.find((m) => m.movementId < id);
    const rows = isPartner(target, partner) ? [target, partner as Movement].sort((a, b) => a.movementId.localeCompare(b.movementId)) : [target];
    const voidedBy = ledgerWhere(ledger, 'reverses', rows.map((m) => m.movementId));
    for (const m of rows) {
      const p = voidProblem(m, voidedBy.filter((v) => v.reverses === m.movementId));
      if (p) throw new ProblemError([{ ...p, params: { ...(p.params ?? {}), value: id } }]);
    }
    const builder = builderFor(session, requestId);
    const copy = (m: Movement) => ({ refType: m.refType, refId: m.refId, externalRef: m.externalRef, note, reverses: m.movementId });
    const place = (m: Movement): Place => ({ sku: m.sku, bin: m.bin, state: m.state, lot: m.lot, expiry: m.expiry });
    try {
      if (rows.length === 2) {
        // A move undone: the goods leave the destination at the average and go back at that value.
        const [from, to] = rows;
        const value = builder.out('reversal', place(to), to.qty, copy(to));
        builder.inbound('reversal', place(from), -from.qty, value, builder.currentUnitCost(from.sku), copy(from));
      } else if (target.qty > 0) builder.out('reversal', place(target), target.qty, copy(target));
      else builder.inbound('reversal', place(target), -target.qty, -target.valueMinor, target.unitCost, copy(target));
    } catch (e) {
      if (e instanceof ProblemError) throw new ProblemError(e.problems.map((p) => ({ ...p, field: 'movementId' })));
      throw e;
    }
    const posted = session.post(builder.rows).movements;
    reconcileAfter(session, posted, requestId);
    const poChanges = reconcilePo(session, posted, t);
    const value = voidValue(posted, currency, false);
    return { value, changes: [{ kind: 'voided', movementId: id, message: t('change.voided', { id: rows.map((m) => m.movementId).join(', '), rows: posted.length }) }, ...poChanges] };
  });
}

/** A voided receipt against a PO: the PO's received quantities (and incoming) follow. */
function reconcilePo(session: WriteSession, rows: readonly Movement[], t: Translator): Change[] {
  const poIds = new Set(rows.filter((m) => m.refType === 'po' && m.refId).map((m) => m.refId));
  return Array.from(poIds).flatMap((poId) => applyPoReceipt(session, poId, t));
}
