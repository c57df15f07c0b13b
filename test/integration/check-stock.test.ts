import { describe, expect, it } from 'vitest';
import { api, codes, okValue, stocked } from '../support/harness';

describe('check stock and repair', () => {
  it('finds nothing on a consistent sheet', () => {
    const s = stocked();
    const v = okValue(s.run(() => api.checkStock()));
    expect(v).toMatchObject({ through: 'M00000002', movements: 2, differences: [], summaryDifferences: [] });
  });

  it('finds a hand edit of the Stock tab, explains it, and repairs it under the lock', () => {
    const s = stocked();
    s.sheetOf('stock').userEdit(3, 6, '99'); // SOAP-LAV qty typed over
    const check = okValue(s.run(() => api.checkStock()));
    expect(check.differences.map((d) => [d.sku, d.actual, d.expected])).toEqual([['SOAP-LAV', 99, 24]]);
    expect(check.differences[0].message).toBe('SOAP-LAV in A-1-1 (Available): the Stock tab says 99, the ledger adds up to 24.');
    const repaired = s.run(() => api.repairStock(check.token));
    expect(okValue(repaired).repaired).toBe(1);
    expect(s.table('stock')[0].qty).toBe(24);
    expect(okValue(s.run(() => api.checkStock())).differences).toEqual([]);
    expect(s.table('log').at(-1)).toMatchObject({ event: 'repair_stock', level: 'warning' });
  });

  it('restores a deleted stock row and a wrong summary', () => {
    const s = stocked();
    s.sheetOf('stock').deleteRows(4, 1); // CREAM-50 row gone
    s.sheetOf('stock_summary').userEdit(3, 3, '1000');
    const check = okValue(s.run(() => api.checkStock()));
    expect(check.differences.map((d) => [d.sku, d.actual, d.expected])).toEqual([['CREAM-50', 0, 12]]);
    expect(check.summaryDifferences.map((d) => [d.sku, d.column])).toContainEqual(['SOAP-LAV', 'on_hand']);
    okValue(s.run(() => api.repairStock(check.token)));
    expect(okValue(s.run(() => api.checkStock()))).toMatchObject({ differences: [], summaryDifferences: [] });
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('refuses a token that does not fit the ledger', () => {
    const s = stocked();
    expect(codes(s.run(() => api.repairStock('nonsense')))).toEqual([['invalid_token', 'token', undefined]]);
    expect(codes(s.run(() => api.repairStock(JSON.stringify({ through: 'M00000099', keys: [], skus: [] }))))).toEqual([['invalid_token', 'token', undefined]]);
  });
});

describe('reserved and incoming in check stock', () => {
  it('finds a reserved quantity that no longer matches the open order lines, and repairs it', () => {
    const s = stocked();
    okValue(s.run(() => api.addOrder({ requestId: 'o', orderId: '#1', lines: [{ sku: 'SOAP-LAV', qty: 4 }] })));
    const sheet = s.sheetOf('stock_summary');
    const row = s.table('stock_summary').findIndex((r) => r.sku === 'SOAP-LAV') + 3;
    sheet.userEdit(row, 5, '9'); // reserved typed over
    const check = okValue(s.run(() => api.checkStock()));
    expect(check.summaryDifferences.map((d) => [d.sku, d.column, d.actual, d.expected])).toContainEqual(['SOAP-LAV', 'reserved', 9, 4]);
    okValue(s.run(() => api.repairStock(check.token)));
    expect(s.table('stock_summary').find((r) => r.sku === 'SOAP-LAV')).toMatchObject({ reserved: 4, available_to_sell: 20 });
    expect(okValue(s.run(() => api.checkStock())).summaryDifferences).toEqual([]);
  });
});
