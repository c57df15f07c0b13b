/** Receiving stock: validated in the domain, written ledger first, caches after. */
import { checkReceiveShape, linesFromMovements, planReceive, receiptMovements, sameLines, type NormalizedLine, type ReceivePayload } from '../domain/receive';
import { ProblemError, problem, type Change } from '../domain/result';
import { movementId } from '../domain/movement-id';
import { cleanText } from '../domain/text';
import type { Translator } from '../domain/i18n';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite } from './write';
import { applyPoReceipt, checkPoForReceipt } from './purchasing';

export interface ReceiveValue {
  replayed: boolean;
  movementIds: string[];
  itemsCreated: string[];
  lines: NormalizedLine[];
}

export function receive(ports: Ports, payload: ReceivePayload, t: Translator): Outcome<ReceiveValue> {
  const shape = checkReceiveShape(payload ?? {});
  if (shape.length) throw new ProblemError(shape);
  const requestId = cleanText(payload.requestId);
  const poId = cleanText(payload.poId);

  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const prior = wb.ledger().findRequest(requestId).map((r) => r.value);
    const caches = session.cachesLoaded();
    const planned = planReceive(payload, {
      items: caches.items,
      levels: caches.levelList(),
      defaultBin: wb.settings().default_bin ?? '',
      replay: prior.length > 0,
    });

    if (prior.length) {
      const before = linesFromMovements(prior);
      if (!planned.plan || !sameLines(planned.plan.lines, before) || (prior[0].refType === 'po' ? prior[0].refId : '') !== poId) {
        throw new ProblemError([problem('request_reused', 'requestId')]);
      }
      // A retry after a cut-off also finishes the purchase order's update (idempotent).
      if (poId) applyPoReceipt(session, poId, t);
      return {
        value: { replayed: true, movementIds: prior.map((m) => m.movementId), itemsCreated: [], lines: before },
        changes: [{ kind: 'replayed', message: t('change.replayed') }],
      };
    }
    if (!planned.plan) throw new ProblemError(planned.problems);
    const plan = planned.plan;
    if (poId) {
      const poProblems = checkPoForReceipt(session, poId, plan.lines.map((l) => l.sku), t);
      if (poProblems.length) throw new ProblemError(poProblems);
    }

    // The table the request creates comes first, then the ledger, then the caches.
    const created = plan.newItems.filter((n) => !caches.items.some((i) => i.sku.toUpperCase() === n.sku.toUpperCase()));
    if (created.length) {
      wb.items().append(created);
      caches.items.push(...created);
    }
    const now = ports.clock.now();
    const rows = receiptMovements(plan, session.nextNumber, {
      user: ports.identity.email() || 'unknown',
      time: now,
      currency: wb.currency(),
      poId: poId || undefined,
    }, movementId);
    const { movements, effects } = session.post(rows);

    const changes: Change[] = created.map((i) => ({ kind: 'item_created', sku: i.sku, message: t('change.itemCreated', { sku: i.sku, name: i.name }) }));
    const seen = new Set<string>();
    for (const m of movements) {
      for (const [key, e] of effects) {
        if (seen.has(key) || e.level.sku !== m.sku || e.level.bin !== m.bin || e.level.lot !== m.lot || e.level.state !== m.state) continue;
        seen.add(key);
        changes.push({
          kind: 'stock', sku: e.level.sku, bin: e.level.bin, state: e.level.state, lot: e.level.lot, before: e.before, after: e.after,
          message: t('change.received', {
            sku: e.level.sku, qty: e.after - e.before, bin: e.level.bin, before: e.before, after: e.after,
            lotText: e.level.lot ? t('change.lotText', { lot: e.level.lot }) : '',
          }),
        });
      }
    }
    if (poId) changes.push(...applyPoReceipt(session, poId, t));
    return {
      value: { replayed: false, movementIds: movements.map((m) => m.movementId), itemsCreated: created.map((i) => i.sku), lines: plan.lines },
      changes,
    };
  });
}
