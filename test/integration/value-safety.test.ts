import { describe, expect, it } from 'vitest';
import { okValue, stocked } from '../support/harness';
import { SCHEMA, TABLE_IDS } from '../../src/sheets/schema';

describe('strings survive as typed', () => {
  it('"=HYPERLINK(...)", "-A1", "00123" and a 22-digit number stay text, in "@" columns', () => {
    const s = stocked();
    const tricky = ['=HYPERLINK("http://evil.example","click")', '-A1', '00123', '9400111899223100012345', '+33 1 23'];
    const r = s.receive({
      requestId: '=1+1',
      supplierRef: '00042',
      note: '=IMPORTXML("http://x","//a")',
      lines: tricky.map((sku, i) => ({ sku, qty: 1, unitCost: 1, lot: i === 2 ? '007' : '', newItem: { name: '=' + sku, barcode: i === 3 ? '0012345678905' : '' } })),
    });
    okValue(r);
    const items = s.table('items').slice(2);
    expect(items.map((i) => i.sku)).toEqual(tricky);
    expect(items.map((i) => i.name)).toEqual(tricky.map((t) => '=' + t));
    expect(items[3].barcode).toBe('0012345678905');
    const ledger = s.table('ledger').slice(2);
    expect(ledger.map((m) => m.sku)).toEqual(tricky);
    expect(ledger[0]).toMatchObject({ request_id: '=1+1', external_ref: '00042', note: '=IMPORTXML("http://x","//a")' });
    expect(ledger[2].lot).toBe('007');
    expect(s.table('stock').slice(2).map((l) => l.sku)).toEqual(tricky);
    // nothing became a formula
    for (const id of TABLE_IDS) expect(s.sheetOf(id).formulas().flat().filter((f) => f !== '')).toEqual([]);
    // and every string column of every table is plain text on the written rows
    for (const id of TABLE_IDS) {
      const sheet = s.sheetOf(id);
      SCHEMA[id].columns.forEach((c, i) => {
        if (c.type !== 'text' && c.type !== 'code') return;
        for (let row = 3; row <= sheet.lastRow(); row++) expect(sheet.readFormat(row, i + 1), `${id}.${c.id} row ${row}`).toBe('@');
      });
    }
    // a retry of that request id finds it exactly
    expect(okValue(s.receive({ requestId: '=1+1', supplierRef: '00042', note: '=IMPORTXML("http://x","//a")', lines: tricky.map((sku, i) => ({ sku, qty: 1, unitCost: 1, lot: i === 2 ? '007' : '' })) })).replayed).toBe(true);
  });

  it('re-asserts "@" on appended rows when a user pasted formats over the column', () => {
    const s = stocked();
    const ledger = s.sheetOf('ledger');
    // a user pastes a "General" format over the SKU column of the next rows
    for (let row = 3; row <= 20; row++) delete ledger.ensure(row, 6).fmt;
    expect(ledger.readFormat(5, 6)).not.toBe('@');
    okValue(s.receive({ requestId: 'x', lines: [{ sku: '00123', qty: 1, unitCost: 1, newItem: { name: 'Zeros' } }] }));
    expect(s.table('ledger').at(-1)?.sku).toBe('00123');
  });
});
