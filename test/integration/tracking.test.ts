import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { api, codes, okValue, stocked, type Sheet } from '../support/harness';
import { fixture } from '../support/tracking-fixtures';

const DELIVERED = '1Z2617V10397725789';
const RETURNING = 'LX123456785FR';
const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8'));

/** One accepted track_info per asked number, from the provider's documented answers. */
function trackInfoFor(number: string): unknown {
  const name = number === DELIVERED ? 'gettrackinfo-delivered' : number === RETURNING ? 'gettrackinfo-exception' : 'gettrackinfo-in-transit';
  const body = JSON.parse(fixture('17track', name).response.body);
  return { ...body.data.accepted[0], number };
}

function shipTwo(): Sheet {
  const s = stocked({ urlFetchWhitelist: manifest.urlFetchWhitelist } as never);
  const settings = s.sheetOf('settings');
  const row = (key: string) => s.table('settings').findIndex((r) => r.key === key) + 3;
  settings.userEdit(row('tracking_provider'), 2, '17track');
  settings.userEdit(row('notify_status_changes'), 2, 'delivered, exception');
  okValue(s.run(() => api.saveTrackingKey({ provider: '17track', apiKey: 'secret-key-9876' })));
  for (const [id, number] of [['#1', DELIVERED], ['#2', RETURNING]]) {
    okValue(s.run(() => api.addOrder({ requestId: id, orderId: id, email: `c${id.slice(1)}@example.com`, country: 'FR', lines: [{ sku: 'SOAP-LAV', qty: 1 }] })));
    okValue(s.run(() => api.shipOrders({ requestId: 's' + id, shipments: [{ orderId: id, trackingNumber: number }] })));
  }
  s.emu.http.route('https://api.17track.net/track/v2.2/register', (req) => ({
    status: 200, body: { code: 0, data: { accepted: JSON.parse(req.payload).map((n: { number: string }) => ({ origin: 1, number: n.number, carrier: 100002 })), rejected: [] } },
  }));
  s.emu.http.route('https://api.17track.net/track/v2.2/gettrackinfo', (req) => ({
    status: 200, body: { code: 0, data: { accepted: JSON.parse(req.payload).map((n: { number: string }) => trackInfoFor(n.number)), rejected: [] } },
  }));
  return s;
}

describe('carrier tracking', () => {
  it('keeps the API key out of cells and logs, shows it masked', () => {
    const s = shipTwo();
    const v = okValue(s.run(() => api.getTrackingSettings()));
    expect(v.providers.find((p) => p.id === '17track')?.keySaved).toBe('••••9876');
    expect(JSON.stringify(s.emu.book.sheets.map((sh) => sh.values()))).not.toContain('secret-key-9876');
    expect(codes(s.run(() => api.saveTrackingKey({ provider: 'dhl', apiKey: 'x' })))).toEqual([['invalid_choice', 'provider', undefined]]);
  });

  it('refreshes in one batch, records status and last event, delivers the order and emails the customer once', () => {
    const s = shipTwo();
    const r = okValue(s.run(() => api.refreshTrackingNow()));
    expect(r).toMatchObject({ checked: 2, changed: 2, left: 0, errors: 0, stopped: '' });
    const requests = s.emu.http.requests;
    expect(requests.map((q) => q.url)).toEqual(['https://api.17track.net/track/v2.2/register', 'https://api.17track.net/track/v2.2/gettrackinfo']);
    expect(requests[0].headers['17token']).toBe('secret-key-9876');
    const rows = s.table('shipments');
    expect(rows.map((x) => [x.order_id, x.tracking_status])).toEqual([['#1', 'delivered'], ['#2', 'exception']]);
    expect(String(rows[0].last_event)).toContain('DELIVERED');
    expect(rows[0].delivered_at).toBe('2022-04-04T23:35:22.000Z');
    expect(s.table('orders').map((l) => [l.order_id, l.status])).toEqual([['#1', 'delivered'], ['#2', 'shipped']]);
    const mails = s.emu.mail.filter((m) => /livrée|problème/.test(m.subject));
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ['c1@example.com', 'Votre commande #1 a été livrée'],
      ['c2@example.com', 'Un problème avec la livraison de la commande #2'],
    ]);
    expect(s.table('log').at(-1)).toMatchObject({ event: 'tracking' });
    // delivered parcels are not asked again; the exception is, and nobody is emailed twice
    okValue(s.run(() => api.refreshTrackingNow()));
    expect(JSON.parse(s.emu.http.requests.at(-1)!.payload).map((n: { number: string }) => n.number)).toEqual([RETURNING]);
    expect(s.emu.mail.filter((m) => /livrée|problème/.test(m.subject))).toHaveLength(2);
  });

  it('honours a 429 with Retry-After once, then finishes', () => {
    const s = shipTwo();
    let calls = 0;
    const info = s.emu.http;
    info.clearRoutes();
    info.route('https://api.17track.net/track/v2.2/gettrackinfo', (req) => ({
      status: 200, body: { code: 0, data: { accepted: JSON.parse(req.payload).map((n: { number: string }) => trackInfoFor(n.number)), rejected: [] } },
    }));
    info.route('https://api.17track.net/track/v2.2/register', (req) => {
      calls++;
      if (calls === 1) return { status: 429, headers: { 'Retry-After': '3' }, body: fixture('17track', 'rate-limit-429').response.body };
      return { status: 200, body: { code: 0, data: { accepted: JSON.parse(req.payload).map((n: { number: string }) => ({ origin: 1, number: n.number, carrier: 100002 })), rejected: [] } } };
    });
    const before = s.emu.clock.now();
    const r = okValue(s.run(() => api.refreshTrackingNow()));
    expect(r.checked).toBe(2);
    expect(calls).toBe(2);
    expect(s.emu.clock.now() - before).toBeGreaterThanOrEqual(3000);
  });

  it('stops on a refused key and says so, writing no result', () => {
    const s = shipTwo();
    s.emu.http.clearRoutes();
    s.emu.http.route('https://api.17track.net/', () => ({ status: 401, body: fixture('17track', 'auth-401').response.body }));
    const r = okValue(s.run(() => api.refreshTrackingNow()));
    expect(r.checked).toBe(0);
    expect(r.stopped).toContain('refused the API key');
    expect(s.table('shipments').every((x) => x.tracking_status === 'pending')).toBe(true);
  });

  it('lists parcels with a problem in the hourly digest, once', () => {
    const s = shipTwo();
    s.sheetOf('settings').userEdit(s.table('settings').findIndex((r) => r.key === 'alert_recipients') + 3, 2, 'amira@example.com');
    okValue(s.run(() => api.setHourlyChecks({ on: true })));
    s.emu.clock.advance(3600 * 1000);
    s.emu.fireDueTriggers(() => api.runHourly());
    const digest = s.emu.mail.filter((m) => m.to === 'amira@example.com');
    expect(digest).toHaveLength(1);
    expect(digest[0].body).toContain(`#2 (${s.table('shipments')[1].carrier} ${RETURNING}): Problem`);
    s.emu.clock.advance(3600 * 1000);
    s.emu.fireDueTriggers(() => api.runHourly());
    expect(s.emu.mail.filter((m) => m.to === 'amira@example.com')).toHaveLength(1);
  });
});
