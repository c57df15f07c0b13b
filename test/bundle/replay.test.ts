import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';

describe('npm run replay', () => {
  it('runs the example scenario through the bundle and prints the stable envelope', () => {
    const out = JSON.parse(execFileSync('npx', ['tsx', 'tools/replay.ts', 'examples/receive.json'], { encoding: 'utf8' }));
    expect(Object.keys(out).sort()).toEqual(['mail', 'results', 'serviceCalls', 'tables']);
    expect(out.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true, false, true]);
    expect(out.results[3].errors.map((e: { code: string }) => e.code)).toEqual(['unknown_sku', 'not_positive']);
    expect(out.tables.ledger.map((m: Record<string, unknown>) => [m.movement_id, m.sku, m.qty, m.time])).toEqual([
      ['M00000001', 'SOAP-LAV', 24, '2026-01-05T09:00:00.000Z'],
      ['M00000002', 'CREAM-50', 12, '2026-01-05T09:00:00.000Z'],
      ['M00000003', 'BOX-S', 100, '2026-01-05T09:00:00.000Z'],
      ['M00000004', 'SOAP-LAV', 6, '2026-01-06T08:30:00.000Z'],
    ]);
    expect(out.tables.ledger[1].expiry).toBe('2027-03-31');
    expect(out.tables.stock_summary[0]).toMatchObject({ sku: 'SOAP-LAV', on_hand: 30, status: 'ok' });
    expect(out.serviceCalls.perCall).toHaveLength(5);
    expect(out.serviceCalls.perCall[1]['Range.setValues']).toBeGreaterThan(0);
    expect(out.mail).toEqual([]);
  });
});

describe('the daily-loop example scenario', () => {
  it('receives, takes an order, picks, packs, ships and emails the customer in French', () => {
    const out = JSON.parse(execFileSync('npx', ['tsx', 'tools/replay.ts', 'examples/daily-loop.json'], { encoding: 'utf8' }));
    expect(out.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(out.results[6].value.candidates[0].carrier).toBe('colissimo');
    expect(out.mail.map((m: { to: string; subject: string }) => [m.to, m.subject])).toEqual([['elodie@example.fr', 'Votre commande #1001 est expédiée']]);
    expect(out.tables.ledger.filter((m: { type: string }) => m.type === 'ship')).toHaveLength(1);
    expect(out.tables.shipments[0]).toMatchObject({ order_id: '#1001', carrier: 'UPS', shipped_at: '2026-01-05T10:00:00.000Z' });
    expect(out.results[8].value.differences).toEqual([]);
  });
});
