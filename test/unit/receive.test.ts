import { describe, expect, it } from 'vitest';
import { planReceive, receiptMovements, sameLines, linesFromMovements, type ReceiveContext, type ReceivePayload } from '../../src/domain/receive';
import type { Item } from '../../src/domain/types';
import { movementId } from '../../src/domain/movement-id';

function item(over: Partial<Item>): Item {
  return {
    sku: 'SOAP-1', name: 'Soap', barcode: '3760000000011', kind: 'product', unit: 'pc', decimals: 0, defaultBin: 'A-1',
    supplier: 'Savons', leadTimeDays: null, leadTimeSdDays: null, unitCost: 2.5, safetyStock: null, reorderPoint: null,
    reorderQty: null, minOrderQty: null, packSize: null, tracksExpiry: false, active: true, ...over,
  };
}

const ctx: ReceiveContext = {
  items: [
    item({}),
    item({ sku: 'CREAM-50', name: 'Cream', barcode: '3760000000028', tracksExpiry: true, defaultBin: '', unitCost: null }),
    item({ sku: 'OLD', name: 'Old', barcode: '', active: false }),
    item({ sku: 'FLOUR', name: 'Flour', barcode: '', decimals: 3 }),
  ],
  levels: [{ sku: 'CREAM-50', bin: 'B-1', state: 'available', lot: 'L1', expiry: '2027-01-31', qty: 3, valueMinor: 300, appliedThrough: 'M00000001' }],
  defaultBin: 'RECEIVING',
  replay: false,
};

function codes(payload: ReceivePayload, c = ctx) {
  return planReceive(payload, c).problems.map((p) => [p.code, p.field, p.line]);
}

describe('planReceive', () => {
  it('resolves SKUs case-insensitively and barcodes exactly, fills bin and cost defaults', () => {
    const { plan, problems } = planReceive({
      requestId: 'r1', supplierRef: 'INV-7',
      lines: [{ sku: 'soap-1', qty: 3 }, { sku: '3760000000028', qty: '2', unitCost: '1,25', expiry: '2027-01-31', lot: 'L1' }],
    }, ctx);
    expect(problems).toEqual([]);
    expect(plan?.lines).toEqual([
      { sku: 'SOAP-1', bin: 'A-1', lot: '', expiry: '', qty: 3, unitCost: 2.5, externalRef: 'INV-7', note: '' },
      { sku: 'CREAM-50', bin: 'RECEIVING', lot: 'L1', expiry: '2027-01-31', qty: 2, unitCost: 1.25, externalRef: 'INV-7', note: '' },
    ]);
  });

  it('derives a lot from the expiry date of expiry-tracked items', () => {
    const { plan } = planReceive({ requestId: 'r', lines: [{ sku: 'CREAM-50', qty: 1, unitCost: 1, expiry: '2027-03-01', bin: 'b-2 ' }] }, ctx);
    expect(plan?.lines[0]).toMatchObject({ lot: 'EXP-2027-03-01', bin: 'B-2' });
  });

  it('names the field and the line of every problem', () => {
    expect(codes({ requestId: '', lines: [] })).toEqual([['required', 'requestId', undefined], ['no_lines', 'lines', undefined]]);
    expect(codes({
      requestId: 'r',
      lines: [
        { sku: 'NOPE', qty: 1 },
        { sku: 'SOAP-1', qty: 0 },
        { sku: 'SOAP-1', qty: 'abc' },
        { sku: 'SOAP-1', qty: 1.5 },
        { sku: 'CREAM-50', qty: 1 },
        { sku: 'CREAM-50', qty: 1, unitCost: 1, expiry: '2027-02-30' },
        { sku: 'SOAP-1', qty: 1, expiry: '2027-01-01' },
        { sku: 'CREAM-50', qty: 1, unitCost: 1, expiry: '2027-02-01', lot: 'L1' },
        { sku: 'OLD', qty: 1 },
        { sku: 'SOAP-1', qty: 1, unitCost: -1 },
        { sku: 'FLOUR', qty: 1.2345 },
      ],
    })).toEqual([
      ['unknown_sku', 'sku', 1],
      ['not_positive', 'qty', 2],
      ['invalid_number', 'qty', 3],
      ['too_many_decimals', 'qty', 4],
      ['unit_cost_required', 'unitCost', 5],
      ['expiry_required', 'expiry', 5],
      ['invalid_date', 'expiry', 6],
      ['expiry_not_tracked', 'expiry', 7],
      ['lot_expiry_conflict', 'expiry', 8],
      ['inactive_item', 'sku', 9],
      ['negative', 'unitCost', 10],
      ['too_many_decimals', 'qty', 11],
    ]);
  });

  it('refuses a bin when neither the line, the item nor Settings give one', () => {
    expect(codes({ requestId: 'r', lines: [{ sku: 'CREAM-50', qty: 1, unitCost: 1, expiry: '2027-01-31' }] }, { ...ctx, defaultBin: '' }))
      .toEqual([['required', 'bin', 1]]);
  });

  it('creates a new item inline, and refuses one whose SKU or barcode exists', () => {
    const { plan } = planReceive({ requestId: 'r', lines: [{ sku: 'NEW-1', qty: 2, unitCost: 4, newItem: { name: 'New thing', kind: 'packaging' } }] }, ctx);
    expect(plan?.newItems.map((i) => [i.sku, i.name, i.kind, i.active])).toEqual([['NEW-1', 'New thing', 'packaging', true]]);
    expect(codes({ requestId: 'r', lines: [{ sku: 'soap-1', qty: 1, newItem: { name: 'Other soap' } }] })).toEqual([['sku_exists', 'sku', 1]]);
    expect(codes({ requestId: 'r', lines: [{ sku: 'N2', qty: 1, unitCost: 1, newItem: { name: 'x', barcode: '3760000000011' } }] }))
      .toEqual([['barcode_exists', 'newItem.barcode', 1]]);
    expect(codes({ requestId: 'r', lines: [{ sku: 'N3', qty: 1, newItem: { name: '' } }] })).toEqual([['required', 'newItem.name', 1]]);
  });

  it('keeps strings that look like formulas or numbers exactly', () => {
    const c = { ...ctx, items: [...ctx.items, item({ sku: '-A1', barcode: '' }), item({ sku: '00123', barcode: '' })] };
    const { plan } = planReceive({ requestId: 'r', note: '=HYPERLINK("http://x","y")', lines: [{ sku: '-A1', qty: 1 }, { sku: '00123', qty: 1 }] }, c);
    expect(plan?.lines.map((l) => [l.sku, l.note])).toEqual([['-A1', '=HYPERLINK("http://x","y")'], ['00123', '=HYPERLINK("http://x","y")']]);
  });
});

describe('receipt rows and retries', () => {
  it('values each line at qty x unit cost rounded to the minor unit', () => {
    const { plan } = planReceive({ requestId: 'r', lines: [{ sku: 'SOAP-1', qty: 3, unitCost: 3.333333 }] }, ctx);
    const rows = receiptMovements(plan!, 7, { user: 'a@x', time: 1000, currency: 'EUR' }, movementId);
    expect(rows[0]).toMatchObject({ movementId: 'M00000007', type: 'receipt', state: 'available', qty: 3, unitCost: 3.333333, valueMinor: 1000 });
  });

  it('recognises the same submission from its rows, and a different one', () => {
    const { plan } = planReceive({ requestId: 'r', lines: [{ sku: 'SOAP-1', qty: 3 }] }, ctx);
    const rows = receiptMovements(plan!, 1, { user: 'a', time: 1, currency: 'EUR' }, movementId);
    expect(sameLines(plan!.lines, linesFromMovements(rows))).toBe(true);
    const other = planReceive({ requestId: 'r', lines: [{ sku: 'SOAP-1', qty: 4 }] }, ctx).plan!;
    expect(sameLines(other.lines, linesFromMovements(rows))).toBe(false);
  });
});
