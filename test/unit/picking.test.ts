import { mulberry32 } from '../../tools/emulator/scheduler';
import { describe, expect, it } from 'vitest';
import {
  binPath, buildWalk, compareBins, compareNatural, distributePicked, planPickList,
  type Allocation, type OpenLine, type PickableStock, type WalkLine,
} from '../../src/domain/picking';

function line(orderId: string, sku: string, openQty: number, orderDate: number | null = 0, lineKey = `${orderId}/${sku}`): OpenLine {
  return { orderId, lineKey, sku, openQty, orderDate };
}
function st(sku: string, bin: string, qty: number, lot = '', expiry = ''): PickableStock {
  return { sku, bin, lot, expiry, qty };
}
const day = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`);

describe('compareBins', () => {
  const sorted = (bins: string[]) => bins.slice().sort(compareBins);

  it('orders numeric segments by value: A-2-9 before A-2-10', () => {
    expect(compareBins('A-2-9', 'A-2-10')).toBeLessThan(0);
    expect(compareBins('A-2-10', 'A-2-9')).toBeGreaterThan(0);
    expect(sorted(['A-2-10', 'A-10-1', 'A-2-9', 'A-2-1'])).toEqual(['A-2-1', 'A-2-9', 'A-2-10', 'A-10-1']);
  });

  it('ignores leading zeros (B-04-2-C sits with B-4-2-C) but breaks the tie by the raw string', () => {
    expect(binPath('B-04-2-C')).toEqual(['B', 4, 2, 'C']);
    expect(binPath('B-04-2-C')).toEqual(binPath('B-4-2-C'));
    expect(compareBins('B-04-2-C', 'B-4-2-D')).toBeLessThan(0);
    expect(compareBins('B-4-2-C', 'B-04-2-D')).toBeLessThan(0);
    expect(compareBins('B-04-2-C', 'B-4-2-C')).toBeLessThan(0);
    expect(compareBins('B-4-2-C', 'B-04-2-C')).toBeGreaterThan(0);
    expect(compareBins('B-4-2-C', 'B-4-2-C')).toBe(0);
    expect(sorted(['B-4-2-D', 'B-10-1-A', 'B-4-2-C', 'B-04-2-C', 'B-03-9-Z'])).toEqual(['B-03-9-Z', 'B-04-2-C', 'B-4-2-C', 'B-4-2-D', 'B-10-1-A']);
  });

  it('orders shelf letters case-insensitively, shorter path first when it is a prefix', () => {
    expect(sorted(['D', 'b-2', 'C', 'A-1', 'a', 'B'])).toEqual(['a', 'A-1', 'B', 'b-2', 'C', 'D']);
    expect(compareBins('a-1', 'A-1')).not.toBe(0);
    expect(compareBins('A', 'A-1')).toBeLessThan(0);
    expect(compareBins('A-1', 'A-1-1')).toBeLessThan(0);
  });

  it('splits mixed formats on separators and digit/letter boundaries', () => {
    expect(binPath('Shelf 10')).toEqual(['SHELF', 10]);
    expect(binPath('A12b.3/x_7')).toEqual(['A', 12, 'B', 3, 'X', 7]);
    expect(compareBins('Shelf 2', 'Shelf 10')).toBeLessThan(0);
    expect(compareBins('SHELF-2', 'shelf 10')).toBeLessThan(0);
    expect(compareBins('A2', 'A12')).toBeLessThan(0);
    expect(compareBins('A.2', 'A/10')).toBeLessThan(0);
    // a number comes before text at the same position
    expect(compareBins('A-1', 'A-B')).toBeLessThan(0);
    // values beyond 2^53 still compare exactly
    expect(compareBins('A-9007199254740993', 'A-9007199254740992')).toBeGreaterThan(0);
  });

  it('puts an empty bin last', () => {
    expect(sorted(['', 'Z-9', ' ', 'A-1', '-'])).toEqual(['A-1', 'Z-9', '', ' ', '-']);
    expect(compareBins('', 'A')).toBeGreaterThan(0);
    expect(compareBins('A', '')).toBeLessThan(0);
  });

  it('is a consistent order: antisymmetric, 0 only for identical strings, transitive', () => {
    const rnd = rng(7);
    const parts = ['A', 'b', '0', '01', '2', '10', '-', '.', ' ', 'Z', '9'];
    const bins = Array.from({ length: 60 }, () => Array.from({ length: Math.floor(rnd() * 6) }, () => parts[Math.floor(rnd() * parts.length)]).join(''));
    for (const a of bins) for (const b of bins) {
      const c = compareBins(a, b);
      expect(Math.sign(c)).toBe(-Math.sign(compareBins(b, a)) || 0);
      expect(c === 0).toBe(a === b);
    }
    const s = bins.slice().sort(compareBins);
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) expect(compareBins(s[i], s[j])).toBeLessThanOrEqual(0);
  });

  it('natural order of order ids: #999 before #1000', () => {
    expect(compareNatural('#999', '#1000')).toBeLessThan(0);
  });
});

describe('planPickList', () => {
  it('takes first-expired-first-out across lots and bins; never-expiring last', () => {
    const plan = planPickList(
      [line('O1', 'CREAM', 4)],
      [st('CREAM', 'A-1', 10, 'NOEXP', ''), st('CREAM', 'A-1', 5, 'L2', '2026-03-01'), st('CREAM', 'D-9', 2, 'L1', '2026-02-01')],
    );
    expect(plan.allocations.map((a) => [a.lot, a.bin, a.qty])).toEqual([['L1', 'D-9', 2], ['L2', 'A-1', 2]]);
    expect(plan.shortages).toEqual([]);
    // the walk is in bin order, not take order
    expect(plan.walk.map((w) => [w.seq, w.bin, w.lot, w.qty])).toEqual([[1, 'A-1', 'L2', 2], [2, 'D-9', 'L1', 2]]);
  });

  it('among equal expiry takes from the bin first in the walk, then the fullest', () => {
    const plan = planPickList(
      [line('O1', 'SOAP', 2)],
      [st('SOAP', 'B-2', 9, 'X'), st('SOAP', 'A-10', 1, 'Y'), st('SOAP', 'A-10', 3, 'Z'), st('SOAP', 'A-9', 0, 'W')],
    );
    expect(plan.allocations.map((a) => [a.bin, a.lot, a.qty])).toEqual([['A-10', 'Z', 2]]);
    const more = planPickList([line('O1', 'SOAP', 5)], [st('SOAP', 'B-2', 9, 'X'), st('SOAP', 'A-10', 1, 'Y'), st('SOAP', 'A-10', 3, 'Z')]);
    expect(more.allocations.map((a) => [a.bin, a.lot, a.qty])).toEqual([['A-10', 'Z', 3], ['A-10', 'Y', 1], ['B-2', 'X', 1]]);
  });

  it('skips lots expired before today (reported as shortage and as expired stock); a lot expiring today is picked', () => {
    const stock = [st('CREAM', 'A-1', 3, 'OLD', '2026-01-04'), st('CREAM', 'A-2', 1, 'TODAY', '2026-01-05'), st('OTHER', 'A-1', 4, 'X', '2020-01-01')];
    const plan = planPickList([line('O1', 'cream', 3)], stock, { today: '2026-01-05' });
    expect(plan.allocations.map((a) => [a.lot, a.qty])).toEqual([['TODAY', 1]]);
    expect(plan.shortages).toEqual([{ orderId: 'O1', lineKey: 'O1/cream', sku: 'cream', missing: 2 }]);
    expect(plan.expired).toEqual([{ sku: 'CREAM', bin: 'A-1', lot: 'OLD', expiry: '2026-01-04', qty: 3 }]);
    // without today, the old lot goes first
    expect(planPickList([line('O1', 'CREAM', 3)], stock).allocations.map((a) => a.lot)).toEqual(['OLD']);
    expect(() => planPickList([], [], { today: '5/1/2026' })).toThrow(RangeError);
  });

  it('reports shortages; a partly served order keeps its tote, an order with nothing gets none', () => {
    const plan = planPickList(
      [line('O1', 'A', 5, day('2026-01-01')), line('O1', 'B', 1, day('2026-01-01')), line('O2', 'B', 2, day('2026-01-02')), line('O3', 'A', 1, day('2026-01-03'))],
      [st('A', 'A-1', 3)],
    );
    expect(plan.totes).toEqual([{ tote: 1, orderId: 'O1' }]);
    expect(plan.allocations).toEqual([{ orderId: 'O1', lineKey: 'O1/A', sku: 'A', bin: 'A-1', lot: '', expiry: '', qty: 3, tote: 1 }]);
    expect(plan.shortages).toEqual([
      { orderId: 'O1', lineKey: 'O1/A', sku: 'A', missing: 2 },
      { orderId: 'O1', lineKey: 'O1/B', sku: 'B', missing: 1 },
      { orderId: 'O2', lineKey: 'O2/B', sku: 'B', missing: 2 },
      { orderId: 'O3', lineKey: 'O3/A', sku: 'A', missing: 1 },
    ]);
  });

  it('serves the oldest order first and numbers totes in that order from firstTote, without gaps', () => {
    const plan = planPickList(
      [
        line('#1000', 'A', 1, day('2026-01-02')),
        line('NODATE', 'A', 1, null),
        line('#999', 'A', 1, day('2026-01-02')),
        line('EMPTY', 'ZZZ', 1, day('2026-01-01')),
        line('OLDEST', 'A', 1, day('2026-01-02')),
        line('OLDEST', 'A', 1, day('2025-12-31'), 'OLDEST/2'),
      ],
      [st('A', 'A-1', 10)],
      { firstTote: 7 },
    );
    expect(plan.totes).toEqual([
      { tote: 7, orderId: 'OLDEST' }, { tote: 8, orderId: '#999' }, { tote: 9, orderId: '#1000' }, { tote: 10, orderId: 'NODATE' },
    ]);
    expect(plan.shortages.map((s) => s.orderId)).toEqual(['EMPTY']);
    // scarce stock goes to the oldest order
    const scarce = planPickList([line('NEW', 'A', 1, day('2026-01-02')), line('OLD', 'A', 1, day('2026-01-01'))], [st('A', 'A-1', 1)]);
    expect(scarce.allocations.map((a) => [a.orderId, a.tote])).toEqual([['OLD', 1]]);
    expect(() => planPickList([], [], { firstTote: 1.5 })).toThrow(RangeError);
  });

  it('aggregates the walk per bin, SKU and lot, in walk order, with allocations in tote order', () => {
    const plan = planPickList(
      [
        line('O1', 'soap-1', 2, day('2026-01-01')),
        line('O2', 'SOAP-1', 3, day('2026-01-02')),
        line('O2', 'JAR-10', 1, day('2026-01-02')),
        line('O2', 'JAR-2', 1, day('2026-01-02')),
        line('O3', 'Soap-1', 1, day('2026-01-03')),
      ],
      [st('SOAP-1', 'B-04-2-C', 10, 'L1'), st('JAR-10', 'A-2-10', 5), st('JAR-2', 'A-2-10', 5), st('SOAP-1', 'A-2-9', 1, 'L0')],
    );
    expect(plan.walk.map((w) => [w.seq, w.bin, w.sku, w.lot, w.qty])).toEqual([
      [1, 'A-2-9', 'SOAP-1', 'L0', 1],
      [2, 'A-2-10', 'JAR-2', '', 1],
      [3, 'A-2-10', 'JAR-10', '', 1],
      [4, 'B-04-2-C', 'SOAP-1', 'L1', 5],
    ]);
    expect(plan.walk[3].allocations).toEqual([
      { tote: 1, orderId: 'O1', lineKey: 'O1/soap-1', qty: 1 },
      { tote: 2, orderId: 'O2', lineKey: 'O2/SOAP-1', qty: 3 },
      { tote: 3, orderId: 'O3', lineKey: 'O3/Soap-1', qty: 1 },
    ]);
    // allocations carry the stock (Items) spelling of the SKU
    expect(new Set(plan.allocations.map((a) => a.sku))).toEqual(new Set(['SOAP-1', 'JAR-10', 'JAR-2']));
  });

  it('keeps decimal quantities clean', () => {
    const plan = planPickList([line('O1', 'FLOUR', 0.1), line('O2', 'FLOUR', 0.2), line('O3', 'FLOUR', 0.1)], [st('FLOUR', 'A', 0.2), st('FLOUR', 'A', 0.1)]);
    expect(plan.walk).toHaveLength(1);
    expect(plan.walk[0].qty).toBe(0.3);
    expect(plan.allocations.map((a) => a.qty)).toEqual([0.1, 0.2]);
    expect(plan.shortages).toEqual([{ orderId: 'O3', lineKey: 'O3/FLOUR', sku: 'FLOUR', missing: 0.1 }]);
    const split = planPickList([line('O1', 'FLOUR', 0.3)], [st('FLOUR', 'A', 0.1, 'L1', '2026-01-01'), st('FLOUR', 'B', 0.7, 'L2', '2026-02-01')]);
    expect(split.allocations.map((a) => a.qty)).toEqual([0.1, 0.2]);
    expect(split.shortages).toEqual([]);
  });

  it('treats stock rows of one SKU, bin and lot as one place, whatever the SKU case', () => {
    const plan = planPickList([line('O1', 'SOAP', 3)], [st('SOAP', 'A-1', 2, 'L1'), st('soap', 'A-1', 2, 'L1'), st('SOAP', 'A-1', 1, 'L2')]);
    expect(plan.walk.map((w) => [w.sku, w.lot, w.qty])).toEqual([['SOAP', 'L1', 3]]);
    // if rows of one place disagree on expiry, the earliest wins (picked sooner, judged expired sooner)
    const mixed = planPickList([line('O1', 'SOAP', 1)], [st('SOAP', 'A-1', 2, 'L1', ''), st('SOAP', 'A-1', 2, 'L1', '2026-03-01'), st('SOAP', 'A-1', 2, 'L1', '2026-02-01')]);
    expect(mixed.walk.map((w) => w.expiry)).toEqual(['2026-02-01']);
  });

  it('buildWalk lists each walk line\'s allocations in tote order whatever the input order', () => {
    const a = (tote: number, qty: number): Allocation => ({ orderId: `O${tote}`, lineKey: `k${tote}`, sku: 'S', bin: 'A', lot: '', expiry: '', qty, tote });
    const walk = buildWalk([a(3, 1), a(1, 2), a(2, 1)]);
    expect(walk[0].allocations.map((x) => x.tote)).toEqual([1, 2, 3]);
    expect(walk[0].qty).toBe(4);
  });

  it('ignores lines and stock without a positive quantity', () => {
    const plan = planPickList([line('O1', 'A', 0), line('O2', 'A', -1), line('O3', 'A', Number.NaN)], [st('A', 'A-1', -5), st('A', 'A-2', Number.NaN)]);
    expect(plan).toEqual({ walk: [], allocations: [], totes: [], shortages: [], expired: [] });
  });

  it('never allocates a unit twice (random inputs, seeded)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = rng(seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
      const decimals = rnd() < 0.3;
      const q = (max: number) => (decimals ? Math.round(rnd() * max * 10) / 10 : Math.floor(rnd() * max));
      const skus = ['A', 'b', 'C-1'];
      const stock = Array.from({ length: Math.floor(rnd() * 12) }, () =>
        st(pick([...skus, 'a']), pick(['A-1', 'A-2', 'B-10', 'B-9', '']), q(6), pick(['', 'L1', 'L2', 'L3']), pick(['', '2026-01-01', '2026-02-01', '2026-03-01'])),
      );
      // one lot has one expiry
      const lotExpiry = new Map<string, string>();
      for (const s of stock) {
        const k = s.sku.toUpperCase() + '|' + s.lot;
        if (!lotExpiry.has(k)) lotExpiry.set(k, s.expiry);
        s.expiry = lotExpiry.get(k) as string;
      }
      const lines = Array.from({ length: Math.floor(rnd() * 15) }, (_, i) =>
        line(pick(['O1', 'O2', 'O3', 'O4', 'O5']), pick([...skus, 'c-1']), q(5), pick([null, day('2026-01-01'), day('2026-01-02')]), `k${i}`),
      );
      const today = rnd() < 0.5 ? '2026-01-15' : undefined;
      const plan = planPickList(lines, stock, { today });
      const ctx = `seed ${seed}`;
      const key = (sku: string, bin: string, lot: string) => [sku.toUpperCase(), bin, lot].join('|');

      const capacity = new Map<string, number>();
      for (const s of stock) if (s.qty > 0 && !(today && s.expiry && s.expiry < today)) capacity.set(key(s.sku, s.bin, s.lot), (capacity.get(key(s.sku, s.bin, s.lot)) ?? 0) + s.qty);
      const used = new Map<string, number>();
      for (const a of plan.allocations) {
        expect(a.qty, ctx).toBeGreaterThan(0);
        used.set(key(a.sku, a.bin, a.lot), (used.get(key(a.sku, a.bin, a.lot)) ?? 0) + a.qty);
      }
      used.forEach((u, k) => expect(u, `${ctx} ${k}`).toBeLessThanOrEqual((capacity.get(k) ?? 0) + 1e-9));

      const served = lines.filter((l) => l.openQty > 0);
      for (const l of served) {
        const allocated = plan.allocations.filter((a) => a.lineKey === l.lineKey).reduce((s, a) => s + a.qty, 0);
        const missing = plan.shortages.filter((s) => s.lineKey === l.lineKey).reduce((s, x) => s + x.missing, 0);
        expect(allocated, ctx).toBeLessThanOrEqual(l.openQty + 1e-9);
        expect(allocated + missing, ctx).toBeCloseTo(l.openQty, 9);
        // a shortage only when no usable stock of the SKU is left
        if (missing > 0) {
          const left = [...capacity].filter(([k]) => k.startsWith(l.sku.toUpperCase() + '|')).reduce((s, [k, c]) => s + c - (used.get(k) ?? 0), 0);
          expect(left, ctx).toBeLessThan(1e-9);
        }
        // FEFO: no lot expiring earlier than one the line took from has stock left over
        const rank = (e: string) => (e === '' ? '9999' : e);
        for (const a of plan.allocations.filter((x) => x.lineKey === l.lineKey)) {
          for (const [k, c] of capacity) {
            const [sku, bin, lot] = k.split('|');
            if (sku !== a.sku.toUpperCase()) continue;
            const e = lotExpiry.get(sku + '|' + lot) as string;
            if (rank(e) < rank(a.expiry)) expect(c - (used.get(k) ?? 0), `${ctx} ${bin}`).toBeLessThan(1e-9);
          }
        }
      }
      for (const l of lines.filter((x) => !(x.openQty > 0))) expect(plan.allocations.some((a) => a.lineKey === l.lineKey), ctx).toBe(false);
      if (today) for (const a of plan.allocations) expect(a.expiry === '' || a.expiry >= today, ctx).toBe(true);

      // the walk holds exactly the allocations; totes are consecutive, one per served order
      expect(plan.walk.map((w) => w.seq)).toEqual(plan.walk.map((_, i) => i + 1));
      expect(plan.walk.reduce((s, w) => s + w.qty, 0), ctx).toBeCloseTo(plan.allocations.reduce((s, a) => s + a.qty, 0), 9);
      for (let i = 1; i < plan.walk.length; i++) expect(compareBins(plan.walk[i - 1].bin, plan.walk[i].bin), ctx).toBeLessThanOrEqual(0);
      expect(plan.totes.map((t) => t.tote)).toEqual(plan.totes.map((_, i) => i + 1));
      expect(new Set(plan.totes.map((t) => t.orderId))).toEqual(new Set(plan.allocations.map((a) => a.orderId)));
    }
  });
});

describe('distributePicked', () => {
  const walk: WalkLine[] = [
    {
      seq: 1, bin: 'A-1', sku: 'SOAP', lot: 'L1', expiry: '', qty: 5,
      // listed out of tote order on purpose
      allocations: [{ tote: 3, orderId: 'O3', lineKey: 'k3', qty: 3 }, { tote: 1, orderId: 'O1', lineKey: 'k1', qty: 2 }],
    },
    { seq: 2, bin: 'B-1', sku: 'JAR', lot: '', expiry: '2026-05-01', qty: 1, allocations: [{ tote: 3, orderId: 'O3', lineKey: 'k4', qty: 1 }] },
  ];

  it('confirms a pick as planned', () => {
    const r = distributePicked(walk, [{ seq: 1, picked: 5 }, { seq: 2, picked: 1 }]);
    expect(r.problems).toEqual([]);
    expect(r.short).toEqual([]);
    expect(r.allocations.map((a) => [a.bin, a.tote, a.qty, a.picked])).toEqual([['A-1', 1, 2, 2], ['A-1', 3, 3, 3], ['B-1', 3, 1, 1]]);
    expect(r.allocations[2]).toEqual({ orderId: 'O3', lineKey: 'k4', sku: 'JAR', bin: 'B-1', lot: '', expiry: '2026-05-01', qty: 1, tote: 3, picked: 1 });
  });

  it('splits a short pick in tote order, lowest tote first, and reports what is missing', () => {
    const r = distributePicked(walk, [{ seq: 1, picked: 3 }, { seq: 2, picked: 0 }]);
    expect(r.problems).toEqual([]);
    expect(r.allocations.map((a) => [a.lineKey, a.picked])).toEqual([['k1', 2], ['k3', 1], ['k4', 0]]);
    expect(r.short).toEqual([{ seq: 1, sku: 'SOAP', bin: 'A-1', lot: 'L1', missing: 2 }, { seq: 2, sku: 'JAR', bin: 'B-1', lot: '', missing: 1 }]);
    const one = distributePicked(walk, [{ seq: 1, picked: 1 }, { seq: 2, picked: 1 }]);
    expect(one.allocations.map((a) => [a.lineKey, a.picked])).toEqual([['k1', 1], ['k3', 0], ['k4', 1]]);
  });

  it('keeps decimal picks clean and accepts typed decimals with a comma', () => {
    const w: WalkLine[] = [{ seq: 1, bin: 'A', sku: 'FLOUR', lot: '', expiry: '', qty: 0.3, allocations: [{ tote: 1, orderId: 'O1', lineKey: 'k1', qty: 0.1 }, { tote: 2, orderId: 'O2', lineKey: 'k2', qty: 0.2 }] }];
    const r = distributePicked(w, [{ seq: 1, picked: '0,25' as unknown as number }]);
    expect(r.problems).toEqual([]);
    expect(r.allocations.map((a) => a.picked)).toEqual([0.1, 0.15]);
    expect(r.short).toEqual([{ seq: 1, sku: 'FLOUR', bin: 'A', lot: '', missing: 0.05 }]);
    const all = distributePicked(w, [{ seq: 1, picked: 0.1 + 0.2 }]);
    expect(all.problems).toEqual([]);
    expect(all.allocations.map((a) => a.picked)).toEqual([0.1, 0.2]);
    expect(all.short).toEqual([]);
  });

  it('refuses over-picks, negative and invalid numbers, unknown, duplicate and missing lines, and then distributes nothing', () => {
    const over = distributePicked(walk, [{ seq: 1, picked: 6 }, { seq: 2, picked: 1 }]);
    expect(over.problems).toEqual([{ seq: 1, code: 'over_pick' }]);
    expect(over.allocations).toEqual([]);
    expect(over.short).toEqual([]);
    expect(distributePicked(walk, [{ seq: 1, picked: -1 }, { seq: 2, picked: 1 }]).problems).toEqual([{ seq: 1, code: 'negative' }]);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '', 'abc', null]) {
      expect(distributePicked(walk, [{ seq: 1, picked: bad as number }, { seq: 2, picked: 1 }]).problems).toEqual([{ seq: 1, code: 'invalid_number' }]);
    }
    expect(distributePicked(walk, [{ seq: 1, picked: 5 }, { seq: 2, picked: 1 }, { seq: 9, picked: 1 }]).problems).toEqual([{ seq: 9, code: 'unknown_line' }]);
    expect(distributePicked(walk, [{ seq: 1, picked: 5 }, { seq: 2, picked: 1 }, { seq: 2, picked: 0 }]).problems).toEqual([{ seq: 2, code: 'duplicate_line' }]);
    const missing = distributePicked(walk, [{ seq: 1, picked: 5 }]);
    expect(missing.problems).toEqual([{ seq: 2, code: 'missing_line' }]);
    expect(missing.allocations).toEqual([]);
  });

  it('round-trips a plan: picking everything as planned gives back the plan allocations', () => {
    const plan = planPickList(
      [line('O1', 'A', 2, 1), line('O2', 'A', 3, 2), line('O2', 'B', 1, 2)],
      [st('A', 'A-1', 1, 'L1', '2026-01-01'), st('A', 'B-1', 10, 'L2', '2026-02-01'), st('B', 'A-1', 1)],
    );
    const r = distributePicked(plan.walk, plan.walk.map((w) => ({ seq: w.seq, picked: w.qty })));
    const norm = (xs: { lineKey: string; bin: string; lot: string; qty: number; tote: number }[]) =>
      xs.map((x) => [x.lineKey, x.bin, x.lot, x.qty, x.tote].join(',')).sort();
    expect(norm(r.allocations)).toEqual(norm(plan.allocations));
    expect(r.allocations.every((a) => a.picked === a.qty)).toBe(true);
  });
});

/** A seeded generator (the emulator's), so a failing case can be replayed by its seed. */
const rng = mulberry32;
