import { describe, expect, it } from 'vitest';
import { api, codes, okValue, stocked, type Sheet } from '../support/harness';
import { EmulatorAbort } from '../../tools/emulator/index';
import { shipped } from '../support/returns-fixtures';

const summary = (s: Sheet, sku: string) => s.table('stock_summary').find((r) => r.sku === sku) as Record<string, unknown>;
const counts = (s: Sheet) => s.table('counts');

function aisleA(): Sheet {
  const s = stocked();
  okValue(s.receive({ requestId: 'b', lines: [{ sku: 'BALM', qty: 10, unitCost: 3, bin: 'B-1-1', newItem: { name: 'Balm' } }] }));
  return s;
}

describe('a count sheet', () => {
  it('lists a bin range in walk order, blind by default, and records the ledger watermark', () => {
    const s = aisleA();
    const sheet = okValue(s.run(() => api.createCountSheet({ requestId: 'c-1', binFrom: 'a-1-1', binTo: 'A-9' })));
    expect(sheet).toMatchObject({ countId: 'CNT-00001', blind: true, watermark: 'M00000003', replayed: false });
    expect(sheet.lines.map((l) => [l.line, l.bin, l.sku, l.lot, l.expiry, 'expected' in l])).toEqual([
      [1, 'A-1-1', 'SOAP-LAV', '', '', false], [2, 'A-2-1', 'CREAM-50', 'EXP-2027-03-31', '2027-03-31', false],
    ]);
    // the sheet keeps the expected quantity; the form value hides it
    expect(counts(s).map((r) => [r.count_id, r.bin, r.sku, r.expected, r.status, r.watermark])).toEqual([
      ['CNT-00001', 'A-1-1', 'SOAP-LAV', 24, 'open', 'M00000003'], ['CNT-00001', 'A-2-1', 'CREAM-50', 12, 'open', 'M00000003'],
    ]);
    expect(okValue(s.run(() => api.createCountSheet({ requestId: 'c-1', binFrom: 'a-1-1', binTo: 'A-9' }))).replayed).toBe(true);
    expect(counts(s)).toHaveLength(2);
    const open = okValue(s.run(() => api.createCountSheet({ requestId: 'c-2', binFrom: 'B', blind: false })));
    expect(open.lines.map((l) => [l.sku, l.expected])).toEqual([['BALM', 10]]);
  });

  it('says what is wrong with the choice: nothing chosen, no ABC data, nothing in range', () => {
    const s = aisleA();
    expect(codes(s.run(() => api.createCountSheet({ requestId: 'x' })))).toEqual([['required', 'criteria', undefined]]);
    const abc = s.run(() => api.createCountSheet({ requestId: 'y', abcClass: 'A' }));
    expect(codes(abc)).toEqual([['abc_unavailable', 'abcClass', undefined]]);
    expect(!abc.ok && abc.errors[0].message).toContain('no ABC classes yet');
    // once the reports are built, a class selects its items (here soap: most of the consumption)
    const sold = shipped();
    okValue(sold.run(() => api.rebuildReports()));
    const classA = okValue(sold.run(() => api.createCountSheet({ requestId: 'a', abcClass: 'a' })));
    expect(classA.lines.map((l) => [l.sku, l.bin])).toEqual([['SOAP-LAV', 'A-1-1']]);
    expect(codes(s.run(() => api.createCountSheet({ requestId: 'z', binFrom: 'Z-1' })))).toEqual([['nothing_to_count', 'criteria', undefined]]);
    expect(codes(s.run(() => api.createCountSheet({ requestId: 'w', binFrom: 'B', binTo: 'A', notCountedDays: -1 })))).toEqual([
      ['invalid_number', 'notCountedDays', undefined], ['invalid_choice', 'binTo', undefined],
    ]);
    expect(counts(s)).toEqual([]);
  });
});

describe('submitting a count', () => {
  it('posts variances as valued count movements and asks to recount above the threshold', () => {
    const s = aisleA();
    okValue(s.run(() => api.createCountSheet({ requestId: 'c-1', binFrom: 'A', binTo: 'A-9' })));
    const first = okValue(s.run(() => api.submitCount({ requestId: 'n-1', countId: 'CNT-00001', lines: [{ line: 1, counted: 23 }, { line: 2, counted: '15' }] })));
    expect(first).toMatchObject({ posted: 1, recount: 1, stale: 0, complete: false, valueChange: -2.1 });
    expect(first.lines.map((l) => [l.line, l.status, l.variance, l.code])).toEqual([[1, 'posted', -1, undefined], [2, 'recount', undefined, 'count_recount']]);
    expect('expected' in first.lines[1]).toBe(false); // the recount stays blind
    expect(s.table('ledger').filter((m) => m.type === 'count').map((m) => [m.sku, m.bin, m.qty, m.value, m.ref_type, m.ref_id])).toEqual([['SOAP-LAV', 'A-1-1', -1, -2.1, 'count', 'CNT-00001']]);
    expect(counts(s).map((r) => [r.counted, r.variance, r.status])).toEqual([[23, -1, 'posted'], [15, 3, 'recount']]);
    // the recount confirms it: posted, a gain at the current average
    const second = okValue(s.run(() => api.submitCount({ requestId: 'n-2', countId: 'CNT-00001', lines: [{ line: 2, counted: 15 }] })));
    expect(second).toMatchObject({ posted: 1, complete: true, valueChange: 13.05 });
    expect(summary(s, 'CREAM-50')).toMatchObject({ on_hand: 15, value: 65.25 });
    expect(codes(s.run(() => api.submitCount({ requestId: 'n-3', countId: 'CNT-00001', lines: [{ line: 1, counted: 20 }] })))).toEqual([['count_closed', 'line', 1]]);
    expect(okValue(s.run(() => api.submitCount({ requestId: 'n-2', countId: 'CNT-00001', lines: [{ line: 2, counted: 15 }] }))).replayed).toBe(true);
    expect(s.table('ledger').filter((m) => m.type === 'count')).toHaveLength(2);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('does not post a line whose stock moved since the sheet was made: stale, with the movements in between', () => {
    const s = aisleA();
    okValue(s.run(() => api.createCountSheet({ requestId: 'c-1', binFrom: 'A-1-1', binTo: 'A-1-1' })));
    okValue(s.receive({ requestId: 'more', lines: [{ sku: 'SOAP-LAV', qty: 6, bin: 'A-1-1' }] }));
    const r = okValue(s.run(() => api.submitCount({ requestId: 'n-1', countId: 'CNT-00001', lines: [{ line: 1, counted: 24 }] })));
    expect(r.lines[0]).toMatchObject({ status: 'stale', code: 'count_stale' });
    expect(r.lines[0].movements?.map((m) => [m.movementId, m.type, m.qty])).toEqual([['M00000004', 'receipt', 6]]);
    expect(s.table('ledger').filter((m) => m.type === 'count')).toEqual([]);
    expect(counts(s)[0]).toMatchObject({ status: 'stale', expected: 30, watermark: 'M00000004' });
    // counted again against the new watermark: posted
    const again = okValue(s.run(() => api.submitCount({ requestId: 'n-2', countId: 'CNT-00001', lines: [{ line: 1, counted: 29 }] })));
    expect(again.lines[0]).toMatchObject({ status: 'posted', variance: -1, expected: 30 });
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 29 });
  });

  it('refuses a bad submission line by line and writes nothing', () => {
    const s = aisleA();
    okValue(s.run(() => api.createCountSheet({ requestId: 'c-1', binFrom: 'A', binTo: 'A-9' })));
    const before = s.snapshot();
    expect(codes(s.run(() => api.submitCount({ requestId: 'n', countId: 'CNT-00001', lines: [{ line: 1, counted: -1 }, { line: 5, counted: 1 }, { line: 2, counted: 1.5 }, { line: 2, counted: 1 }] })))).toEqual([
      ['negative', 'counted', 1], ['unknown_line', 'line', 2], ['too_many_decimals', 'counted', 3], ['duplicate_line', 'line', 4],
    ]);
    expect(codes(s.run(() => api.submitCount({ requestId: 'n', countId: 'CNT-9', lines: [{ line: 1, counted: 1 }] })))).toEqual([['unknown_count', 'countId', undefined]]);
    expect(s.snapshot()).toBe(before);
  });

  it('skips items counted recently when asked for items not counted in N days', () => {
    const s = aisleA();
    okValue(s.run(() => api.createCountSheet({ requestId: 'c-1', binFrom: 'A-1-1', binTo: 'A-1-1' })));
    okValue(s.run(() => api.submitCount({ requestId: 'n-1', countId: 'CNT-00001', lines: [{ line: 1, counted: 24 }] })));
    const due = okValue(s.run(() => api.createCountSheet({ requestId: 'c-2', notCountedDays: 30 })));
    expect(due.lines.map((l) => l.sku)).toEqual(['CREAM-50', 'BALM']);
    s.emu.clock.advance(31 * 86400000);
    expect(okValue(s.run(() => api.createCountSheet({ requestId: 'c-3', notCountedDays: 30 }))).lines.map((l) => l.sku)).toEqual(['SOAP-LAV', 'CREAM-50', 'BALM']);
  });

  it('cut off after any service call, then retried, posts once', () => {
    const ready = () => {
      const s = aisleA();
      okValue(s.run(() => api.createCountSheet({ requestId: 'c-1', binFrom: 'A', binTo: 'A-9' })));
      return s;
    };
    const submit = { requestId: 'n-1', countId: 'CNT-00001', lines: [{ line: 1, counted: 23 }, { line: 2, counted: 20 }] };
    const probe = ready();
    const before = probe.emu.counters.snapshot();
    probe.run(() => api.submitCount(submit));
    const total = Object.values(probe.emu.counters.diff(before, probe.emu.counters.snapshot()).calls).reduce((a, b) => a + b, 0);
    for (let k = 0; k < total; k++) {
      const s = ready();
      expect(() => s.run(() => api.submitCount(submit), { abortAfterCalls: k })).toThrow(EmulatorAbort);
      const r = okValue(s.run(() => api.submitCount(submit)));
      expect(r.lines.map((l) => l.status), `abort after ${k}`).toEqual(['posted', 'recount']);
      expect(s.table('ledger').filter((m) => m.type === 'count').map((m) => m.qty), `abort after ${k}`).toEqual([-1]);
      expect(counts(s).map((c) => c.status), `abort after ${k}`).toEqual(['posted', 'recount']);
      expect(s.stockVersusProjection(), `abort after ${k}`).toEqual([]);
    }
  });
});

describe('items found during a count', () => {
  const sheetA = () => {
    const s = aisleA();
    okValue(s.run(() => api.createCountSheet({ requestId: 'c-1', binFrom: 'A', binTo: 'A-9' })));
    return s;
  };
  const countRows = (s: Sheet) => s.table('ledger').filter((m) => m.type === 'count');

  it('posts one valued count gain per found line into available at its bin, and a retry is replayed', () => {
    const s = sheetA();
    const submit = {
      requestId: 'n-1', countId: 'CNT-00001', lines: [{ line: 1, counted: 24 }],
      found: [{ sku: 'soap-lav', bin: 'b-2', counted: '5' }, { sku: '3760000000011', bin: 'B-3', counted: 1 }, { sku: 'CREAM-50', bin: 'B-3', expiry: '2027-03-31', counted: 2 }],
    };
    const r = okValue(s.run(() => api.submitCount(submit)));
    expect(r).toMatchObject({ replayed: false, posted: 1, valueChange: 21.3 });
    expect(r.found).toEqual([
      { line: 1, sku: 'SOAP-LAV', bin: 'B-2', lot: '', expiry: '', counted: 5, value: 10.5 },
      { line: 2, sku: 'SOAP-LAV', bin: 'B-3', lot: '', expiry: '', counted: 1, value: 2.1 },
      { line: 3, sku: 'CREAM-50', bin: 'B-3', lot: 'EXP-2027-03-31', expiry: '2027-03-31', counted: 2, value: 8.7 },
    ]);
    expect(countRows(s).map((m) => [m.sku, m.bin, m.state, m.lot, m.qty, m.value, m.ref_type, m.ref_id, m.request_id])).toEqual([
      ['SOAP-LAV', 'B-2', 'available', '', 5, 10.5, 'count', 'CNT-00001', 'n-1'],
      ['SOAP-LAV', 'B-3', 'available', '', 1, 2.1, 'count', 'CNT-00001', 'n-1'],
      ['CREAM-50', 'B-3', 'available', 'EXP-2027-03-31', 2, 8.7, 'count', 'CNT-00001', 'n-1'],
    ]);
    expect(s.table('stock').find((x) => x.sku === 'SOAP-LAV' && x.bin === 'B-2')).toMatchObject({ state: 'available', qty: 5, value: 10.5 });
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 30 });
    expect(s.stockVersusProjection()).toEqual([]);
    const again = okValue(s.run(() => api.submitCount(submit)));
    expect(again.replayed).toBe(true);
    expect(again.found).toEqual(r.found);
    expect(countRows(s)).toHaveLength(3);
    // the same id with other found lines is another request
    expect(codes(s.run(() => api.submitCount({ ...submit, found: [{ sku: 'SOAP-LAV', bin: 'B-2', counted: 6 }] })))).toEqual([['request_reused', 'requestId', undefined]]);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('refuses a found line that is on the sheet, duplicated, already in stock or incomplete, and writes nothing', () => {
    const s = sheetA();
    const before = s.snapshot();
    const bad = s.run(() => api.submitCount({
      requestId: 'n-1', countId: 'CNT-00001', lines: [{ line: 1, counted: 24 }],
      found: [
        { sku: 'SOAP-LAV', bin: 'a-1-1', counted: 3 }, // the sheet's line 1, counted in this payload
        { sku: 'CREAM-50', bin: 'A-2-1', expiry: '2027-03-31', counted: 1 }, // the sheet's line 2
        { sku: 'BALM', bin: 'B-1-1', counted: 1 }, // the ledger holds 10 there
        { sku: 'SOAP-LAV', bin: 'B-2', counted: 1 },
        { sku: 'SOAP-LAV', bin: 'B-2', counted: 2 },
        { sku: 'CREAM-50', bin: 'B-2', counted: 1 },
        { sku: 'NOPE', bin: 'B-2', counted: 0 },
      ],
    }));
    expect(codes(bad)).toEqual([
      ['found_counted_on_line', 'found.sku', 1], ['found_on_sheet', 'found.sku', 2], ['found_has_stock', 'found.bin', 3],
      ['found_duplicate', 'found.sku', 5], ['expiry_required', 'found.expiry', 6], ['unknown_sku', 'found.sku', 7], ['not_positive', 'found.counted', 7],
    ]);
    expect(!bad.ok && bad.errors[0].message).toBe('Line 1, found item, SKU or barcode: SOAP-LAV in A-1-1 is counted on line 1 of the sheet in this same submission: remove this found item.');
    expect(s.snapshot()).toBe(before);
  });

  it('found lines alone, cut off after any service call, then retried, post once', () => {
    const submit = { requestId: 'n-1', countId: 'CNT-00001', lines: [], found: [{ sku: 'SOAP-LAV', bin: 'B-2', counted: 5 }] };
    const probe = sheetA();
    const before = probe.emu.counters.snapshot();
    okValue(probe.run(() => api.submitCount(submit)));
    const total = Object.values(probe.emu.counters.diff(before, probe.emu.counters.snapshot()).calls).reduce((a, b) => a + b, 0);
    for (let k = 0; k < total; k++) {
      const s = sheetA();
      expect(() => s.run(() => api.submitCount(submit), { abortAfterCalls: k })).toThrow(EmulatorAbort);
      const r = okValue(s.run(() => api.submitCount(submit)));
      expect(r.found.map((f) => [f.sku, f.bin, f.counted, f.value]), `abort after ${k}`).toEqual([['SOAP-LAV', 'B-2', 5, 10.5]]);
      expect(countRows(s).map((m) => [m.bin, m.qty, m.value]), `abort after ${k}`).toEqual([['B-2', 5, 10.5]]);
      expect(s.stockVersusProjection(), `abort after ${k}`).toEqual([]);
    }
  });
});
