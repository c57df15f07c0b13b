import { describe, expect, it } from 'vitest';
import { Sheet, codes, okValue, stocked, SOAP } from '../support/harness';

describe('receive', () => {
  it('writes ledger rows, stock and summary, and lists the changes', () => {
    const s = stocked();
    const r = s.receive({ requestId: 'r-2', supplierRef: 'INV-9', lines: [{ sku: '3760000000011', qty: 6 }, { sku: 'cream-50', qty: 1, expiry: '2027-03-31' }] }, { user: 'raj@example.com' });
    const v = okValue(r);
    expect(v.movementIds).toEqual(['M00000003', 'M00000004']);
    expect(r.ok && r.changes.map((c) => c.message)).toEqual([
      'SOAP-LAV: +6 in A-1-1 (24 → 30)',
      'CREAM-50: +1 in A-2-1, lot EXP-2027-03-31 (12 → 13)',
    ]);
    const ledger = s.table('ledger');
    expect(ledger.slice(2).map((m) => [m.movement_id, m.user, m.type, m.sku, m.bin, m.state, m.lot, m.expiry, m.qty, m.unit_cost, m.value, m.external_ref]))
      .toEqual([
        ['M00000003', 'raj@example.com', 'receipt', 'SOAP-LAV', 'A-1-1', 'available', '', '', 6, 2.1, 12.6, 'INV-9'],
        ['M00000004', 'raj@example.com', 'receipt', 'CREAM-50', 'A-2-1', 'available', 'EXP-2027-03-31', '2027-03-31', 1, 4.35, 4.35, 'INV-9'],
      ]);
    expect(ledger[2].time).toBe('2026-01-05T09:00:00.000Z');
    expect(s.table('stock').map((r) => [r.sku, r.qty, r.value, r.applied_through])).toEqual([
      ['SOAP-LAV', 30, 63, 'M00000003'],
      ['CREAM-50', 13, 56.55, 'M00000004'],
    ]);
    expect(s.table('stock_summary').map((r) => [r.sku, r.on_hand, r.available_to_sell, r.status, r.value])).toEqual([
      ['SOAP-LAV', 30, 30, 'ok', 63],
      ['CREAM-50', 13, 13, 'ok', 56.55],
    ]);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('creates a new item in the same request, with the line cost and bin as defaults', () => {
    const s = stocked();
    expect(s.table('items').map((i) => [i.sku, i.name, i.barcode, i.unit_cost, i.default_bin, i.tracks_expiry, i.active])).toEqual([
      ['SOAP-LAV', 'Lavender soap', '3760000000011', 2.1, 'A-1-1', false, true],
      ['CREAM-50', 'Face cream', '', 4.35, 'A-2-1', true, true],
    ]);
  });

  it('a retried requestId writes once and returns the first result', () => {
    const s = stocked();
    const payload = { requestId: 'same', lines: [{ sku: 'SOAP-LAV', qty: 2 }] };
    const first = okValue(s.receive(payload));
    const before = s.snapshot();
    const again = s.receive(payload);
    expect(okValue(again)).toMatchObject({ replayed: true, movementIds: first.movementIds });
    expect(again.ok && again.changes.map((c) => c.kind)).toEqual(['replayed']);
    expect(s.snapshot()).toBe(before);
  });

  it('tells requestIds "r1" and "r10" apart (exact, case-sensitive lookup)', () => {
    const s = stocked();
    okValue(s.receive({ requestId: 'r10', lines: [{ sku: 'SOAP-LAV', qty: 1 }] }));
    const r1 = okValue(s.receive({ requestId: 'r1', lines: [{ sku: 'SOAP-LAV', qty: 5 }] }));
    expect(r1.replayed).toBe(false);
    const R10 = okValue(s.receive({ requestId: 'R10', lines: [{ sku: 'SOAP-LAV', qty: 7 }] }));
    expect(R10.replayed).toBe(false);
    expect(s.table('stock_summary')[0].on_hand).toBe(24 + 1 + 5 + 7);
  });

  it('refuses a reused requestId with another payload, writing nothing', () => {
    const s = stocked();
    okValue(s.receive({ requestId: 'dup', lines: [{ sku: 'SOAP-LAV', qty: 2 }] }));
    const before = s.snapshot();
    expect(codes(s.receive({ requestId: 'dup', lines: [{ sku: 'SOAP-LAV', qty: 3 }] }))).toEqual([['request_reused', 'requestId', undefined]]);
    expect(s.snapshot()).toBe(before);
  });

  const invalid: [string, unknown, (string | number | undefined)[][]][] = [
    ['no request id', { lines: [{ sku: 'SOAP-LAV', qty: 1 }] }, [['required', 'requestId', undefined]]],
    ['no lines', { requestId: 'x', lines: [] }, [['no_lines', 'lines', undefined]]],
    ['lines not a list', { requestId: 'x', lines: 'SOAP' }, [['no_lines', 'lines', undefined]]],
    ['unknown sku', { requestId: 'x', lines: [{ sku: 'NOPE', qty: 1 }] }, [['unknown_sku', 'sku', 1]]],
    ['zero qty on line 2', { requestId: 'x', lines: [{ sku: 'SOAP-LAV', qty: 1 }, { sku: 'SOAP-LAV', qty: 0 }] }, [['not_positive', 'qty', 2]]],
    ['text qty', { requestId: 'x', lines: [{ sku: 'SOAP-LAV', qty: 'ten' }] }, [['invalid_number', 'qty', 1]]],
    ['fractional qty', { requestId: 'x', lines: [{ sku: 'SOAP-LAV', qty: 1.5 }] }, [['too_many_decimals', 'qty', 1]]],
    ['negative cost', { requestId: 'x', lines: [{ sku: 'SOAP-LAV', qty: 1, unitCost: -2 }] }, [['negative', 'unitCost', 1]]],
    ['missing expiry', { requestId: 'x', lines: [{ sku: 'CREAM-50', qty: 1 }] }, [['expiry_required', 'expiry', 1]]],
    ['bad date', { requestId: 'x', lines: [{ sku: 'CREAM-50', qty: 1, expiry: '31/03/2027' }] }, [['invalid_date', 'expiry', 1]]],
    ['expiry on untracked', { requestId: 'x', lines: [{ sku: 'SOAP-LAV', qty: 1, expiry: '2027-01-01' }] }, [['expiry_not_tracked', 'expiry', 1]]],
    ['lot with another expiry', { requestId: 'x', lines: [{ sku: 'CREAM-50', qty: 1, lot: 'EXP-2027-03-31', expiry: '2027-04-01' }] }, [['lot_expiry_conflict', 'expiry', 1]]],
    ['new item with taken sku', { requestId: 'x', lines: [{ sku: 'soap-lav', qty: 1, newItem: { name: 'Another' } }] }, [['sku_exists', 'sku', 1]]],
    ['new item without name', { requestId: 'x', lines: [{ sku: 'NEW', qty: 1, unitCost: 1, newItem: { name: ' ' } }] }, [['required', 'newItem.name', 1]]],
    ['control characters', { requestId: 'x', note: 'a\u0007b', lines: [{ sku: 'SOAP-LAV', qty: 1 }] }, [['invalid_text', 'note', undefined]]],
    ['too long note', { requestId: 'x', note: 'n'.repeat(501), lines: [{ sku: 'SOAP-LAV', qty: 1 }] }, [['too_long', 'note', undefined]]],
    ['a valid line does not save an invalid one', { requestId: 'x', lines: [{ sku: 'SOAP-LAV', qty: 1 }, { sku: 'NOPE', qty: 1, newItem: undefined }] }, [['unknown_sku', 'sku', 2]]],
  ];
  it.each(invalid)('invalid input (%s) writes nothing and names field and line', (_name, payload, expected) => {
    const s = stocked();
    const before = s.snapshot();
    const r = s.receive(payload as never);
    expect(codes(r)).toEqual(expected);
    expect(s.snapshot()).toBe(before);
  });

  it('localizes errors in French, naming the field and the line', () => {
    const s = stocked({ spreadsheetLocale: 'fr_FR' });
    const r = s.receive({ requestId: 'x', lines: [{ sku: 'SOAP-LAV', qty: 1 }, { sku: 'SOAP-LAV', qty: -1 }] });
    expect(!r.ok && r.errors[0].message).toBe('Ligne 2, quantité : doit être supérieur à zéro.');
  });

  it('refuses before set-up with not_set_up', () => {
    const s = new Sheet();
    expect(codes(s.receive({ requestId: 'x', lines: [SOAP] }))).toEqual([['not_set_up', '', undefined]]);
  });
});
