import { describe, expect, it } from 'vitest';
import {
  createPolicy, firstOutbound, parseValuationMethod, referencedMovementId, returnedOf, type PolicySnapshot, type ValuationMethod, type ValuationPolicy,
} from '../../src/domain/valuation/index';
import { movementId } from '../../src/domain/movement-id';
import { toMinor } from '../../src/domain/money';
import type { Movement } from '../../src/domain/types';

const EUR = 'EUR';

function mv(n: number, over: Partial<Movement>): Movement {
  return {
    movementId: movementId(n), requestId: 'r', time: 0, user: 'u', type: 'receipt', sku: 'A', bin: 'B1', state: 'available',
    lot: '', expiry: '', qty: 1, unitCost: 1, valueMinor: 100, refType: '', refId: '', externalRef: '', note: '', reverses: '', ...over,
  };
}

/** A small ledger that values each row with the policy before "writing" it, like the app will. */
function ledger(method: ValuationMethod, p: ValuationPolicy = createPolicy(method, EUR), start = 0) {
  const rows: Movement[] = [];
  let n = start;
  const add = (over: Partial<Movement>): Movement => {
    const m = mv(++n, over);
    rows.push(m);
    const r = p.apply(m);
    expect(r.differenceMinor).toBe(0);
    return m;
  };
  return {
    p,
    rows,
    receipt: (qty: number, unitCost: number, sku = 'A') => add({ sku, type: 'receipt', qty, unitCost, valueMinor: toMinor(qty * unitCost, EUR) }),
    ship: (qty: number, sku = 'A') => {
      const v = p.valueOfTake(sku, qty);
      return add({ sku, type: 'ship', qty: -qty, valueMinor: v.valueMinor, unitCost: v.unitCost });
    },
    /** a restocked return referencing its ship through `reverses` */
    returnOf: (ship: Movement, qty: number) => {
      const v = p.valueOfInbound(ship.sku, qty, { reverses: ship, returned: returnedOf(rows, ship.movementId) });
      return add({ sku: ship.sku, type: 'return', qty, valueMinor: v.valueMinor, unitCost: v.unitCost, reverses: ship.movementId });
    },
    returnWithoutOrder: (qty: number, sku = 'A') => {
      const v = p.valueOfInbound(sku, qty);
      return add({ sku, type: 'return', qty, valueMinor: v.valueMinor, unitCost: v.unitCost });
    },
    /** a return to vendor referencing its receipt through ref_type "movement" */
    rtv: (receipt: Movement, qty: number) => {
      const v = p.valueOfTake(receipt.sku, qty, { receiptId: receipt.movementId });
      return add({ sku: receipt.sku, type: 'rtv', qty: -qty, valueMinor: v.valueMinor, unitCost: v.unitCost, refType: 'movement', refId: receipt.movementId });
    },
    count: (delta: number, sku = 'A') => {
      const v = delta > 0 ? p.valueOfInbound(sku, delta) : p.valueOfTake(sku, -delta);
      return add({ sku, type: 'count', qty: delta, valueMinor: v.valueMinor, unitCost: v.unitCost });
    },
    /** an internal move: two rows, the destination gets the opposite of the source's value */
    pick: (qty: number, sku = 'A') => {
      const v = p.valueOfTake(sku, qty);
      add({ sku, type: 'pick', qty: -qty, valueMinor: v.valueMinor, unitCost: v.unitCost });
      return add({ sku, type: 'pick', state: 'picked', qty, valueMinor: -v.valueMinor, unitCost: v.unitCost });
    },
    /** stock value as the ledger holds it: the sum of the value deltas */
    ledgerValue: (sku = 'A') => rows.filter((r) => r.sku === sku).reduce((s, r) => s + r.valueMinor, 0),
  };
}

describe('valuation policy: FIFO, hand-worked', () => {
  it('values receipts, partial ships, returns, rtv, count gains and losses, then empties to exactly 0', () => {
    const l = ledger('fifo');
    const r1 = l.receipt(10, 2); // layers: R1 10 @ 2.00 = 20.00
    l.receipt(10, 2.6); // R2 10 @ 2.60 = 26.00                       stock 20 u, 46.00
    const s3 = l.ship(12); // R1 10 -> 20.00 (empties it) + R2 2 x 2.60 = 5.20 -> 25.20, unit (20 + 5.2) / 12 = 2.10
    expect([s3.valueMinor, s3.unitCost]).toEqual([-2520, 2.1]);
    expect(l.p.stockValue('A')).toBe(2080); // R2 8 u, 20.80
    const ret = l.returnOf(s3, 2); // back at the cost it left with: 2 x 25.20 / 12 = 4.20, a new layer at the end
    expect([ret.valueMinor, ret.unitCost]).toEqual([420, 2.1]);
    const r5 = l.receipt(5, 3); // R5 5 @ 3.00 = 15.00                      stock 15 u, 40.00
    expect(l.p.stockValue('A')).toBe(4000);
    const rtv = l.rtv(r5, 3); // leaves R5's layer at its receipt cost: 3 x 3.00 = 9.00 (FIFO would take R2 at 2.60)
    expect([rtv.valueMinor, rtv.unitCost]).toEqual([-900, 3]);
    expect(l.p.stockValue('A')).toBe(3100); // 12 u
    const gain = l.count(1); // a count gain enters at the last receipt cost, 3.00
    expect(gain.valueMinor).toBe(300);
    const loss = l.count(-1); // a count loss leaves FIFO: R2 1 x 2.60
    expect(loss.valueMinor).toBe(-260);
    const noOrder = l.returnWithoutOrder(1); // a return without an order at the current cost: the last receipt cost 3.00
    expect(noOrder.valueMinor).toBe(300);
    expect(l.p.stockValue('A')).toBe(3440); // 13 u: R2 7 x 2.60 = 18.20, return 4.20, R5 2 x 3.00 = 6.00, gain 3.00, return 3.00
    const picked = l.pick(2); // an internal move peeks FIFO: 2 x 2.60 = 5.20 moves to "picked", the layers do not change
    expect(picked.valueMinor).toBe(520);
    expect(l.p.stockValue('A')).toBe(3440);
    expect(l.p.valueOfTake('A', 7).valueMinor).toBe(-1820); // R2 still first: 7 x 2.60
    expect(l.p.residue('A')).toBe(0);
    const last = l.ship(13); // empties every layer: 18.20 + 4.20 + 6.00 + 3.00 + 3.00 = 34.40 exactly
    expect(last.valueMinor).toBe(-3440);
    expect(l.p.stockValue('A')).toBe(0);
    expect(l.ledgerValue()).toBe(0);
    expect(l.p.residue('A')).toBe(0);
    expect(r1.movementId).toBe('M00000001');
  });

  it('takes 3 units received for 10.00 out at 3.33, 3.33, 3.34 and returns them at the same values', () => {
    const l = ledger('fifo');
    l.receipt(3, 3.333333); // value 3 x 3.333333 = 9.999999 -> 10.00
    const ships = [l.ship(1), l.ship(1), l.ship(1)];
    expect(ships.map((s) => s.valueMinor)).toEqual([-333, -333, -334]);
    expect(l.p.stockValue('A')).toBe(0);
    expect(l.p.residue('A')).toBe(0);
    // each comes back at the value it left with, as a new layer
    expect(ships.map((s) => l.returnOf(s, 1).valueMinor)).toEqual([333, 333, 334]);
    expect(l.p.stockValue('A')).toBe(1000);
  });

  it('returns partial quantities of one ship pro rata, the last part exactly', () => {
    const l = ledger('fifo');
    l.receipt(3, 3.333333);
    const ship = l.ship(3); // 10.00
    // 1 x 10.00 / 3 -> 3.33, again 3.33, then the rest 3.34
    expect([l.returnOf(ship, 1), l.returnOf(ship, 1), l.returnOf(ship, 1)].map((r) => r.valueMinor)).toEqual([333, 333, 334]);
    expect(l.p.residue('A')).toBe(0);
  });
});

describe('valuation policy: moving average, hand-worked', () => {
  it('values the same sequence at the average and empties to exactly 0', () => {
    const l = ledger('moving_average');
    l.receipt(10, 2); // 10 u, 20.00, avg 2.00
    l.receipt(10, 2.6); // 20 u, 46.00, avg 2.30
    const s3 = l.ship(12); // 12 x 2.30 = 27.60
    expect([s3.valueMinor, s3.unitCost]).toEqual([-2760, 2.3]);
    const ret = l.returnOf(s3, 2); // at the cost it left with: 2 x 27.60 / 12 = 4.60 -> 10 u, 23.00, avg 2.30
    expect(ret.valueMinor).toBe(460);
    const r5 = l.receipt(5, 3); // 15 u, 38.00, avg 38 / 15 = 2.533333
    expect(l.p.currentUnitCost('A')).toBe(2.533333);
    const rtv = l.rtv(r5, 3); // at the average, not R5's cost: 3 x 2.533333 = 7.599999 -> 7.60 -> 12 u, 30.40
    expect(rtv.valueMinor).toBe(-760);
    const gain = l.count(1); // at the average: 2.533333 -> 2.53 -> 13 u, 32.93, avg 32.93 / 13 = 2.533077
    expect(gain.valueMinor).toBe(253);
    expect(l.p.currentUnitCost('A')).toBe(2.533077);
    const loss = l.count(-1); // 1 x 2.533077 -> 2.53 -> 12 u, 30.40
    expect(loss.valueMinor).toBe(-253);
    const noOrder = l.returnWithoutOrder(1); // at the current average 2.533077 -> 2.53 -> 13 u, 32.93
    expect(noOrder.valueMinor).toBe(253);
    const picked = l.pick(2); // 2 x 2.533077 = 5.066154 -> 5.07 moves to picked; the SKU keeps 32.93
    expect(picked.valueMinor).toBe(507);
    expect(l.p.stockValue('A')).toBe(3293);
    const last = l.ship(13); // empties the SKU: exactly the 32.93 left
    expect(last.valueMinor).toBe(-3293);
    expect(l.p.stockValue('A')).toBe(0);
    expect(l.ledgerValue()).toBe(0);
    expect(l.p.residue('A')).toBe(0);
  });

  it('takes 3 units received for 10.00 out at 3.33, 3.33, 3.34 (delegating to valuation.ts)', () => {
    const l = ledger('moving_average');
    l.receipt(3, 3.333333);
    expect([l.ship(1), l.ship(1), l.ship(1)].map((s) => s.valueMinor)).toEqual([-333, -333, -334]);
    expect(l.p.residue('A')).toBe(0);
  });

  it('uses the fallback unit cost when the SKU never had a cost', () => {
    const p = createPolicy('moving_average', EUR);
    expect(p.valueOfInbound('NEW', 2)).toMatchObject({ valueMinor: 0, unitCost: null, costUnknown: true });
    expect(p.valueOfInbound('NEW', 2, { unitCost: 1.255 })).toMatchObject({ valueMinor: 251, unitCost: 1.255, costUnknown: false });
    expect(createPolicy('fifo', EUR).valueOfInbound('NEW', 2, { unitCost: 1.255 }).valueMinor).toBe(251);
  });
});

describe('valuation policy: both methods', () => {
  for (const method of ['fifo', 'moving_average'] as const) {
    it(`${method}: detects a row that does not carry the policy's value (residue)`, () => {
      const p = createPolicy(method, EUR);
      p.apply(mv(1, { type: 'receipt', qty: 3, unitCost: 3.333333, valueMinor: 1000 }));
      const r = p.apply(mv(2, { type: 'ship', qty: -1, valueMinor: -340 }));
      expect(r).toMatchObject({ expectedMinor: -333, differenceMinor: -7 });
      expect(p.residue('A')).toBe(-7); // the ledger holds 6.60, the policy 6.67
      p.apply(mv(3, { type: 'ship', qty: -2, valueMinor: -667 }));
      expect(p.stockValue('A')).toBe(0);
      expect(p.residue('A')).toBe(-7); // empty stock, the ledger still holds -0.07
    });

    it(`${method}: skips rows already applied and continues from a JSON snapshot`, () => {
      const a = ledger(method);
      a.receipt(7, 1.1, 'A');
      a.receipt(4, 0.9, 'b');
      a.ship(3, 'A');
      const snap = JSON.parse(JSON.stringify(a.p.snapshot())) as PolicySnapshot;
      expect(snap.through).toBe('M00000003');
      // re-applying the same rows changes nothing
      for (const r of a.rows) expect(a.p.apply(r).applied).toBe(false);
      const b = ledger(method, createPolicy(method, EUR, snap), a.rows.length);
      const rest = (l: ReturnType<typeof ledger>) => {
        l.receipt(2, 1.7, 'A');
        l.ship(5, 'A');
        l.count(-1, 'B'); // SKUs match case-insensitively: "B" is "b"
        return l.rows.slice(-3).map((r) => r.valueMinor);
      };
      expect(rest(b)).toEqual(rest(a));
      expect(b.p.snapshot()).toEqual(a.p.snapshot());
      expect(b.p.qty('b')).toBe(3);
      expect(() => createPolicy(method === 'fifo' ? 'moving_average' : 'fifo', EUR, snap)).toThrow();
    });

    it(`${method}: keeps no residue over a long random sequence and ends at exactly 0`, () => {
      let seed = 12345;
      const rand = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const l = ledger(method);
      const skus = ['A', 'B', 'C'];
      const onHand: Record<string, number> = { A: 0, B: 0, C: 0 };
      const receipts: Movement[] = [];
      const ships: Movement[] = [];
      for (let i = 0; i < 3000; i++) {
        const sku = skus[Math.floor(rand() * 3)];
        const x = rand();
        if (onHand[sku] < 3 || x < 0.3) {
          const qty = 1 + Math.floor(rand() * 9);
          receipts.push(l.receipt(qty, Math.round(rand() * 1e6) / 1e5 + 0.01, sku));
          onHand[sku] += qty;
        } else if (x < 0.75) {
          const qty = 1 + Math.floor(rand() * Math.min(onHand[sku], 5));
          ships.push(l.ship(qty, sku));
          onHand[sku] -= qty;
        } else if (x < 0.82 && ships.length) {
          const s = ships[Math.floor(rand() * ships.length)];
          l.returnOf(s, 1);
          onHand[s.sku] += 1;
        } else if (x < 0.88) {
          const r = receipts.filter((m) => m.sku === sku);
          l.rtv(r[Math.floor(rand() * r.length)], 1);
          onHand[sku] -= 1;
        } else if (x < 0.94) {
          const d = rand() < 0.5 ? 1 : -1;
          l.count(d, sku);
          onHand[sku] += d;
        } else {
          l.pick(1, sku);
        }
        expect(l.p.residue(sku)).toBe(0);
      }
      for (const sku of skus) {
        if (onHand[sku] > 0) l.ship(onHand[sku], sku);
        expect(l.p.qty(sku)).toBe(0);
        expect(l.p.stockValue(sku)).toBe(0);
        expect(l.ledgerValue(sku)).toBe(0);
        expect(l.p.residue(sku)).toBe(0);
      }
    });
  }
});

describe('valuation settings helpers', () => {
  it('parses the method and finds the first outbound row that fixes it', () => {
    expect(parseValuationMethod(' FIFO ')).toBe('fifo');
    expect(parseValuationMethod('moving_average')).toBe('moving_average');
    expect(parseValuationMethod('lifo')).toBeNull();
    const rows = [mv(1, { type: 'receipt', qty: 5 }), mv(2, { type: 'pick', qty: -1 }), mv(3, { type: 'pick', qty: 1 }), mv(4, { type: 'ship', qty: -1 })];
    expect(firstOutbound(rows.slice(0, 3))).toBe('');
    expect(firstOutbound(rows)).toBe('M00000004');
  });

  it('reads the referenced movement from reverses or ref_type "movement"', () => {
    expect(referencedMovementId({ reverses: 'M00000002', refType: '', refId: '' })).toBe('M00000002');
    expect(referencedMovementId({ reverses: '', refType: 'movement', refId: 'M00000003' })).toBe('M00000003');
    expect(referencedMovementId({ reverses: '', refType: 'order_line', refId: '#1001#1' })).toBe('');
  });
});
