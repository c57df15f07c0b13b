import { describe, expect, it } from 'vitest';
import { api, okValue, stocked, type Sheet } from '../support/harness';

const HOUR = 3600 * 1000;

function fire(s: Sheet) {
  return s.emu.fireDueTriggers(() => api.runHourly());
}

describe('hourly checks', () => {
  it('installs exactly one trigger, however often it is turned on', () => {
    const s = stocked();
    const first = okValue(s.run(() => api.setHourlyChecks({ on: true })));
    expect(first).toMatchObject({ on: true, mine: true, owner: 'amira@example.com' });
    okValue(s.run(() => api.setHourlyChecks({ on: true })));
    expect(s.emu.triggers.filter((tr) => tr.functionName === 'runHourly')).toHaveLength(1);
    expect(s.emu.triggers[0]).toMatchObject({ user: 'amira@example.com', everyMs: HOUR });
  });

  it('shows teammates "on, owned by X" and obeys a teammate turning it off at the next run', () => {
    const s = stocked();
    okValue(s.run(() => api.setHourlyChecks({ on: true })));
    const seen = okValue(s.run(() => api.getHourlyStatus(), { user: 'raj@example.com' }));
    expect(seen).toMatchObject({ on: true, mine: false, owner: 'amira@example.com' });
    expect(seen.message).toContain('owned by amira@example.com');
    // Raj cannot create a second dispatcher, nor delete Amira's trigger: he leaves a flag.
    expect(okValue(s.run(() => api.setHourlyChecks({ on: true }), { user: 'raj@example.com' })).owner).toBe('amira@example.com');
    okValue(s.run(() => api.setHourlyChecks({ on: false }), { user: 'raj@example.com' }));
    expect(s.emu.triggers).toHaveLength(1);
    s.emu.clock.advance(HOUR);
    fire(s);
    expect(s.emu.triggers).toHaveLength(0);
    expect(okValue(s.run(() => api.getHourlyStatus())).on).toBe(false);
    expect(s.table('log').at(-1)).toMatchObject({ event: 'hourly', user: 'amira@example.com' });
    expect(String(s.table('log').at(-1)?.message)).toContain('raj@example.com');
  });

  it('runs its tasks as the owner, writes one Log row per run, and reports the last run', () => {
    const s = stocked();
    okValue(s.run(() => api.setHourlyChecks({ on: true })));
    s.emu.clock.advance(HOUR);
    const fired = fire(s);
    expect(fired).toHaveLength(1);
    const logs = s.table('log').filter((r) => r.event === 'hourly');
    expect(logs).toHaveLength(1);
    expect(logs[0].level).toBe('info');
    expect(String(logs[0].message)).toContain('Stock status: 2 items checked');
    const status = okValue(s.run(() => api.getHourlyStatus()));
    expect(status.lastRun).toMatchObject({ ok: true });
    s.emu.clock.advance(HOUR);
    fire(s);
    expect(s.table('log').filter((r) => r.event === 'hourly')).toHaveLength(2);
  });

  it('sends customer emails that waited for quota, once', () => {
    const s = stocked({ mailQuota: 1 } as never);
    for (const id of ['#1', '#2']) okValue(s.run(() => api.addOrder({ requestId: id, orderId: id, email: `c${id.slice(1)}@example.com`, lines: [{ sku: 'SOAP-LAV', qty: 1 }] })));
    const shipped = s.run(() => api.shipOrders({ requestId: 's', shipments: [{ orderId: '#1', trackingNumber: '1Z999AA10123456784' }, { orderId: '#2', trackingNumber: '1Z999AA10123456784' }] }));
    expect(shipped.ok && shipped.changes.map((c) => c.kind)).toEqual(['shipped', 'shipped', 'emailed', 'email_skipped']);
    expect(s.emu.mail.map((m) => m.to)).toEqual(['c1@example.com']);
    okValue(s.run(() => api.setHourlyChecks({ on: true })));
    s.emu.clock.advance(HOUR); // same quota day: still waiting
    fire(s);
    expect(String(s.table('log').at(-1)?.message)).toContain('0 sent, 1 waiting for quota');
    s.emu.clock.advance(24 * HOUR); // a new quota day
    fire(s);
    expect(s.emu.mail.map((m) => m.to)).toEqual(['c1@example.com', 'c2@example.com']);
    s.emu.clock.advance(24 * HOUR);
    fire(s);
    expect(s.emu.mail).toHaveLength(2);
  });

  it('says so when the trigger cannot open the sheet', () => {
    const s = stocked({ triggerSpreadsheet: 'null' } as never);
    okValue(s.run(() => api.setHourlyChecks({ on: true })));
    s.emu.clock.advance(HOUR);
    fire(s);
    expect(s.table('log').filter((r) => r.event === 'hourly')).toHaveLength(0);
    const status = okValue(s.run(() => api.getHourlyStatus()));
    expect(status.message).toContain('could not open this sheet');
  });
});
