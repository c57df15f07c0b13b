import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { Emulator } from '../../tools/emulator/index';
import { BundleSandbox } from '../../tools/sandbox';
import { ERROR_CODES } from '../../src/domain/result';
// @ts-expect-error plain ESM tool without types
import { MAX_BUNDLE_BYTES } from '../../tools/build.mjs';
// @ts-expect-error plain ESM tool without types
import { scopeProblems, requiredScopes } from '../../tools/scopes.mjs';

const code = readFileSync('dist/Code.js', 'utf8');
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));

describe('dist/Code.js', () => {
  it('is at most 400 KB and references no Node built-ins', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    expect(MAX_BUNDLE_BYTES).toBe(400 * 1024);
    expect(code).not.toMatch(/\brequire\(|\bprocess\.env|\bBuffer\./);
  });

  it('loads in a bare context without calling any service at top level', () => {
    const ctx = vm.createContext({});
    expect(() => vm.runInContext(code, ctx)).not.toThrow();
    expect(typeof vm.runInContext('typeof receive', ctx)).toBe('string');
    expect(vm.runInContext('typeof receive', ctx)).toBe('function');
  });

  it('declares a top-level function for every entry point, and docs/api.md documents exactly those', () => {
    const sandbox = new BundleSandbox(new Emulator());
    const functions = sandbox.topLevelFunctions().sort();
    const doc = readFileSync('docs/api.md', 'utf8');
    const documented = [...doc.matchAll(/^### (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(functions).toEqual(documented);
    expect(functions).toContain('receive');
    const codesInDoc = [...doc.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]).sort();
    expect(codesInDoc).toEqual([...ERROR_CODES].sort());
  });

  it('has a manifest granting exactly the scopes its services need', () => {
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER' });
    expect(scopeProblems(code, manifest)).toEqual({ needed: [...manifest.oauthScopes].sort(), missing: [], unexplained: [] });
    // the check bites: drop a scope, or use a service the manifest lacks
    const fewer = { ...manifest, oauthScopes: manifest.oauthScopes.filter((s: string) => !s.endsWith('container.ui')) };
    expect(scopeProblems(code, fewer).missing).toEqual(['https://www.googleapis.com/auth/script.container.ui']);
    expect(requiredScopes(code + '\nMailApp.sendEmail(x)')).toContain('https://www.googleapis.com/auth/script.send_mail');
  });
});

describe('every entry point through the bundle', () => {
  it('runs each RPC, menu handler and trigger once in a sandbox like Apps Script', () => {
    // the sidebars as clasp pushes them next to Code.js (built by tools/build-sidebars.mjs)
    const forms = ['receive', 'check-stock', 'settings', 'help', 'orders', 'pick', 'pack', 'ship', 'returns', 'count', 'stock', 'explain'];
    const htmlFiles = Object.fromEntries(forms.map((f) => [f, readFileSync(`dist/${f}.html`, 'utf8')]));
    const emu = new Emulator({ spreadsheetLocale: 'en_GB', htmlFiles });
    const sb = new BundleSandbox(emu);
    const called = new Set<string>();
    const call = (fn: string, args: unknown[] = [], user = 'amira@example.com') => {
      called.add(fn);
      return sb.call(fn, args, { user }) as { ok: boolean; value?: any; errors?: any[] };
    };
    sb.trigger('onOpen', { authMode: 'NONE', kind: 'simpleTrigger' });
    called.add('onOpen');
    expect(emu.ui.menus[0].items.length).toBeGreaterThan(4);
    sb.trigger('onInstall', { authMode: 'FULL' });
    called.add('onInstall');

    expect(call('setupSheet').ok).toBe(true);
    call('menuSetup');
    expect(emu.ui.alerts.at(-1)).toContain('Ledger');
    const form = call('getReceiveFormData');
    expect(form.value.items).toEqual([]);
    const r = call('receive', [{ requestId: 'b-1', lines: [{ sku: 'X-1', qty: 5, unitCost: 1.5, bin: 'a-1', newItem: { name: 'Thing' } }] }]);
    expect(r).toMatchObject({ ok: true, value: { movementIds: ['M00000001'] } });
    expect(call('receive', [{ requestId: 'b-1', lines: [{ sku: 'X-1', qty: 5, unitCost: 1.5, bin: 'a-1', newItem: { name: 'Thing' } }] }]).value.replayed).toBe(true);
    const check = call('checkStock');
    expect(check.value.differences).toEqual([]);
    expect(call('repairStock', [check.value.token]).ok).toBe(true);
    expect(call('getSettings').value.currency).toBe('EUR');
    expect(call('saveSettings', [{ language: 'fr', currency: 'EUR', defaultBin: 'R' }]).ok).toBe(true);
    expect(call('getHelp').value.title).toBe('Fonctionnement de cette feuille');
    expect(call('getUiStrings').value).toMatchObject({ language: 'fr', strings: { 'form.receive.submit': 'Enregistrer la réception' } });
    // the daily loop
    expect(call('addOrder', [{ requestId: 'o1', orderId: '#1', email: 'c@example.com', country: 'FR', lines: [{ sku: 'X-1', qty: 2 }] }]).ok).toBe(true);
    expect(call('getImportMapping').value).toEqual({ mapping: null });
    expect(call('saveImportMapping', [{ orderId: 'order', sku: 'sku', qty: 'qty', email: '' }]).value.mapping).toEqual({ orderId: 'order', sku: 'sku', qty: 'qty' });
    const mapping = call('getImportMapping').value.mapping;
    expect(call('importOrders', [{ requestId: 'i1', text: 'order,sku,qty\n#2,X-1,1\n', source: 'generic', mapping }]).value.added).toBe(1);
    expect(call('cancelOrder', [{ requestId: 'x1', orderId: '#2' }]).value.released).toBe(1);
    // a list made and cancelled: its order goes on the next list
    expect(call('buildPickList', [{ requestId: 'p0' }]).value.pickListId).toBe('PL-00001');
    expect(call('cancelPickList', [{ requestId: 'xp0', pickListId: 'PL-00001' }]).value).toMatchObject({ released: 1, orders: 1 });
    const list = call('buildPickList', [{ requestId: 'p1' }]);
    expect(list.value.pickListId).toBe('PL-00002');
    expect(list.value.walk).toHaveLength(1);
    expect(call('getOpenPickLists').value.lists.map((l: { pickListId: string }) => l.pickListId)).toEqual([list.value.pickListId]);
    expect(call('confirmPick', [{ requestId: 'c1', pickListId: list.value.pickListId, lines: [{ seq: 1, picked: 2 }] }]).value.picked).toBe(2);
    expect(call('getPackFormData').value.orders).toHaveLength(1);
    expect(call('packOrder', [{ requestId: 'k1', orderId: '#1', packaging: [] }]).value.packed).toBe(2);
    expect(call('getShipFormData').value.orders.map((o: { orderId: string }) => o.orderId)).toEqual(['#1']);
    expect(call('exportReadyToShip').value.lines).toBe(1);
    expect(call('detectCarrier', ['1Z999AA10123456784']).value.candidates[0].carrier).toBe('ups');
    const shipped = call('shipOrders', [{ requestId: 's1', shipments: [{ orderId: '#1', trackingNumber: '1Z999AA10123456784' }] }]);
    expect(shipped.value.shipments[0]).toMatchObject({ carrier: 'UPS', units: 2, cost: 3 });
    expect(emu.mail.at(-1)?.subject).toContain('#1');

    // replenishment and purchase orders
    expect(call('rebuildReplenishment').value.rows).toBeGreaterThan(0);
    expect(call('getPurchaseOrders').value.orders).toEqual([]);
    expect(call('createPurchaseOrders', [{ requestId: 'po' }]).errors?.[0].code).toBe('nothing_to_order');
    expect(call('updatePurchaseOrder', [{ requestId: 'u', poId: 'PO-X', status: 'sent' }]).errors?.[0].code).toBe('unknown_po');
    call('menuPurchaseOrders');
    expect(emu.ui.alerts.at(-1)).toMatch(/reorder point|seuil de commande/);

    // carrier tracking (no provider chosen yet: the refresh says so)
    expect(call('getTrackingSettings').value.providers).toHaveLength(3);
    expect(call('saveTrackingKey', [{ provider: '17track', apiKey: 'k-1234' }]).value.providers[0].keySaved).toBe('••••1234');
    emu.http.route('https://api.17track.net/', () => ({ status: 200, body: { code: 0, data: { accepted: [], rejected: [] } } }));
    expect(call('testTrackingConnection', [{ provider: '17track' }]).value.ok).toBe(true);
    expect(call('refreshTrackingNow').value.checked).toBe(0);
    call('menuRefreshTracking');

    // returns, counts, adjustments, explain this number
    const found = call('findReturnable', [{ query: '#1' }]);
    const line = found.value.orders[0].lines[0];
    expect(line).toMatchObject({ sku: 'X-1', returnable: 2 });
    const ret = call('createReturn', [{ requestId: 'rt1', orderId: '#1', reason: 'wrong_item', lines: [{ lineKey: line.lineKey, qty: 2 }] }]);
    expect(ret.value).toMatchObject({ rmaId: 'RMA-00001', bin: 'RETURNS' });
    const inspected = call('inspectReturn', [{ requestId: 'in1', rmaId: 'RMA-00001', lines: [{ lineKey: line.lineKey, disposition: 'restock', qty: 1 }, { lineKey: line.lineKey, disposition: 'defective', qty: 1 }] }]);
    expect(inspected.value.statuses[0].rows.map((r: { status: string }) => r.status)).toEqual(['restocked', 'damaged']);
    expect(call('recordCreditNote', [{ requestId: 'cn1', rmaId: 'RMA-00001', reference: 'CN-1', amount: 3, taxRate: 20 }]).value.taxAmount).toBe(0.5);
    const moved = call('moveStock', [{ requestId: 'mv1', lines: [{ sku: 'X-1', bin: 'A-1', qty: 1, toBin: 'B-1' }] }]);
    expect(moved.value.lines).toHaveLength(1);
    expect(call('writeOff', [{ requestId: 'wo1', reason: 'damaged', lines: [{ sku: 'X-1', bin: 'RETURNS', state: 'damaged', qty: 1 }] }]).value.total).toBe(1.5);
    expect(call('getExpiring', [{ days: 30 }]).value.lots).toEqual([]);
    expect(call('expiryAction', [{ requestId: 'ex1', action: 'write_off' }]).errors?.[0].code).toBe('nothing_expiring');
    const countSheet = call('createCountSheet', [{ requestId: 'cs1', binFrom: 'A', binTo: 'B-9' }]);
    expect(countSheet.value.lines.map((l: { bin: string }) => l.bin)).toEqual(['A-1', 'B-1']);
    const counted = call('submitCount', [{ requestId: 'sc1', countId: countSheet.value.countId, accept: true, lines: [{ line: 1, counted: 1 }, { line: 2, counted: 1 }] }]);
    expect(counted.value).toMatchObject({ posted: 2, complete: true });
    expect(call('voidMovement', [{ requestId: 'vd1', movementId: moved.value.movementIds[1] }]).value.voided).toHaveLength(2);
    expect(call('explainStock', [{ sku: 'X-1', bin: 'A-1' }]).value).toMatchObject({ sku: 'X-1', qty: 2 });
    const stockTab = emu.book.sheets.find((x) => x.metadata.some((m) => m.value === 'stock'))!;
    emu.book.setActive(stockTab.name, 'B3');
    expect(call('explainSelection', [{ pageSize: 1 }]).value).toMatchObject({ sku: 'X-1', bin: 'A-1', hasMore: true });

    // reports and dashboard
    expect(call('rebuildReports').value.charts).toBeGreaterThan(0);
    call('menuReports');
    expect(emu.ui.toasts.at(-1)?.msg).toMatch(/^Rapports recalculés : \d+ articles, \d+ mois, \d+ graphiques\.$/);

    // the hourly dispatcher
    expect(call('setHourlyChecks', [{ on: true }]).value.mine).toBe(true);
    expect(call('getHourlyStatus').value.on).toBe(true);
    expect(emu.triggers).toHaveLength(1);
    emu.clock.advance(3600 * 1000);
    expect(emu.fireDueTriggers(sb)).toHaveLength(1);
    called.add('runHourly');

    const menus = ['menuReceive', 'menuCheckStock', 'menuSettings', 'menuHelp', 'menuOrders', 'menuPick', 'menuPack', 'menuShip', 'menuReturns', 'menuCount', 'menuStock', 'menuExplain'];
    for (const fn of menus) call(fn);
    expect(emu.ui.sidebars.map((x) => x.file)).toEqual(['receive', 'check-stock', 'settings', 'help', 'orders', 'pick', 'pack', 'ship', 'returns', 'count', 'stock', 'explain']);

    // results cross google.script.run: no Date, nothing that is not plain data
    const json = JSON.stringify(call('getReceiveFormData'));
    expect(json).not.toContain('"__proto__"');
    expect(sb.topLevelFunctions().filter((f) => !called.has(f))).toEqual([]);
  });

  it('records the ledger time from the virtual clock, in the spreadsheet time zone apart from the script one', () => {
    const emu = new Emulator({ spreadsheetTimeZone: 'Asia/Kolkata', now: '2026-03-01T20:00:00Z' });
    const sb = new BundleSandbox(emu);
    sb.call('setupSheet', []);
    sb.call('receive', [{ requestId: 't', lines: [{ sku: 'T', qty: 1, unitCost: 1, bin: 'A', newItem: { name: 'T', tracksExpiry: true } , expiry: '2026-12-31' }] }]);
    const ledger = emu.book.sheets.find((s) => s.metadata.some((m) => m.value === 'ledger'))!;
    expect((ledger.readValue(3, 3) as Date).toISOString()).toBe('2026-03-01T20:00:00.000Z');
    expect(ledger.readDisplay(3, 3)).toBe('2026-03-02 01:30:00');
    expect(ledger.readDisplay(3, 10)).toBe('2026-12-31');
  });
});
