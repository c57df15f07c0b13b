import { describe, expect, it } from 'vitest';
import { api, codes, okValue, onOpen, Sheet, stocked } from '../support/harness';
import { SCHEMA, SETTING_DEFAULTS, TABLE_IDS } from '../../src/sheets/schema';
import { en } from '../../src/domain/i18n/en';
import { fr } from '../../src/domain/i18n/fr';

describe('set up this sheet', () => {
  it('creates every table with metadata, id row, localized headers, formats, dropdowns, checkboxes, protection', () => {
    const s = Sheet.setUp();
    for (const id of TABLE_IDS) {
      const sheet = s.sheetOf(id);
      const def = SCHEMA[id];
      const values = sheet.values();
      expect(sheet.name).toBe(en[`table.${id}` as keyof typeof en]);
      expect(values[0].slice(0, def.columns.length)).toEqual(def.columns.map((c) => c.id));
      expect(values[1].slice(0, def.columns.length)).toEqual(def.columns.map((c) => en[`col.${id}.${c.id}` as keyof typeof en]));
      expect(sheet.maxColumns).toBe(def.columns.length); // unused columns trimmed
      expect(sheet.frozenRows).toBe(2);
      expect([...sheet.hiddenColumns].sort((a, b) => a - b), `${id} hidden columns`).toEqual(
        def.columns.flatMap((c, i) => (c.hidden ? [i + 1] : [])),
      );
      expect(sheet.hiddenRows.has(1)).toBe(true);
      def.columns.forEach((c, i) => {
        const format = sheet.readFormat(3, i + 1);
        if (c.type === 'text' || c.type === 'code') expect(format, `${id}.${c.id}`).toBe('@');
        if (c.type === 'date') expect(format).toBe('yyyy-mm-dd');
      });
      const protections = sheet.protections;
      expect(protections.every((p) => p.warningOnly)).toBe(true);
      expect(protections.some((p) => p.type === 'SHEET')).toBe(def.protectedSheet);
      expect(protections.some((p) => p.type === 'RANGE')).toBe(true);
    }
    const ledger = s.sheetOf('ledger');
    const typeRule = ledger.validations.find((v) => v.row === 3 && v.col === 5)?.rule;
    expect(typeRule).toMatchObject({ type: 'VALUE_IN_LIST', allowInvalid: false });
    expect(typeRule?.values).toContain('receipt');
    const items = s.sheetOf('items');
    expect(items.validations.find((v) => v.row === 3 && v.col === 17)?.rule.type).toBe('CHECKBOX');
    expect(items.validations.find((v) => v.row === 3 && v.col === 4)?.rule.values).toEqual(['product', 'packaging', 'component']);
    expect(s.table('settings').map((r) => [r.key, r.value])).toEqual(Object.entries(SETTING_DEFAULTS));
    expect(s.table('settings').slice(0, 4).map((r) => [r.key, r.value])).toEqual([
      ['language', ''], ['currency', 'EUR'], ['default_bin', 'RECEIVING'], ['valuation_method', 'moving_average'],
    ]);
    expect(s.table('log')[0]).toMatchObject({ level: 'info', event: 'setup' });
  });

  it('labels tabs and headers in French in a French spreadsheet', () => {
    const s = Sheet.setUp({ spreadsheetLocale: 'fr_FR' });
    expect(s.sheetOf('ledger').name).toBe(fr['table.ledger']);
    expect(s.sheetOf('items').values()[1][0]).toBe(fr['col.items.sku']);
  });

  it('is idempotent: re-running repairs a deleted column and keeps every row and user column', () => {
    const s = stocked();
    const items = s.sheetOf('items');
    items.insertColumnsAfter(items.maxColumns, 1);
    items.userEdit(2, 19, 'My notes');
    items.userEdit(3, 19, 'keep me');
    items.deleteColumns(3, 1); // barcode gone
    const rowsBefore = s.table('ledger').length;
    const r = s.run(() => api.setupSheet());
    expect(okValue(r).tables.find((t) => t.table === 'items')?.columnsAdded).toEqual(['Barcode']);
    expect(r.ok && r.changes.map((c) => c.kind)).toContain('column_added');
    expect(s.table('ledger').length).toBe(rowsBefore);
    const header = s.sheetOf('items').values()[1];
    expect(header).toContain('My notes');
    expect(s.sheetOf('items').values()[2]).toContain('keep me');
    expect(s.emu.book.sheets.filter((sh) => sh.name.startsWith('Items'))).toHaveLength(1);
    // and a receipt works with the reordered columns
    okValue(s.receive({ requestId: 'after-repair', lines: [{ sku: 'SOAP-LAV', qty: 1 }] }));
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('relabels headers when the language changes, without breaking anything', () => {
    const s = stocked();
    okValue(s.run(() => api.saveSettings({ language: 'fr', currency: 'EUR', defaultBin: 'recv' })));
    okValue(s.run(() => api.setupSheet()));
    expect(s.sheetOf('ledger').values()[1][0]).toBe(fr['col.ledger.movement_id']);
    okValue(s.receive({ requestId: 'fr-1', lines: [{ sku: 'SOAP-LAV', qty: 1 }] }));
    const r = s.receive({ requestId: 'fr-2', lines: [{ sku: 'NOPE', qty: 1 }] });
    expect(!r.ok && r.errors[0].message).toContain('aucun article');
  });

  it('refuses to recreate a deleted ledger and points to version history', () => {
    const s = stocked();
    s.emu.book.deleteSheet(s.sheetOf('ledger'));
    const r = s.run(() => api.setupSheet());
    expect(codes(r)).toEqual([['ledger_missing', 'ledger', undefined]]);
    expect(!r.ok && r.errors[0].message).toContain('Version history');
    expect(codes(s.receive({ requestId: 'x', lines: [{ sku: 'SOAP-LAV', qty: 1 }] }))).toEqual([['ledger_missing', 'ledger', undefined]]);
  });

  it('finds a renamed tab through its metadata, and a duplicated tab loses to the recorded one', () => {
    const s = stocked();
    s.sheetOf('stock').name = 'My stock';
    okValue(s.receive({ requestId: 'renamed', lines: [{ sku: 'SOAP-LAV', qty: 1 }] }));
    expect(s.stockVersusProjection()).toEqual([]);
  });
});

describe('the menu', () => {
  it('is built in AuthMode.NONE from the user locale, touching nothing else', () => {
    const s = new Sheet({ userLocale: 'fr' });
    s.run(() => onOpen({ authMode: ScriptApp.AuthMode.NONE }), { authMode: 'NONE', kind: 'simpleTrigger' });
    const menu = s.emu.ui.menus[0];
    expect(menu.items.filter((i) => i !== 'separator').map((i) => typeof i === 'object' && [i.caption, i.functionName])).toEqual([
      ['Préparer cette feuille', 'menuSetup'], ['Commandes', 'menuOrders'], ['Liste de préparation', 'menuPick'], ['Emballer', 'menuPack'],
      ['Expédier', 'menuShip'], ['Retours', 'menuReturns'], ['Réceptionner du stock', 'menuReceive'], ['Inventaire', 'menuCount'],
      ['Ajustements de stock', 'menuStock'], ['Expliquer ce nombre', 'menuExplain'], ['Vérifier le stock', 'menuCheckStock'],
      ['Actualiser le suivi des colis', 'menuRefreshTracking'], ['Créer les commandes fournisseurs à passer', 'menuPurchaseOrders'],
      ['Recalculer les rapports et le tableau de bord', 'menuReports'],
      ['Paramètres', 'menuSettings'], ['Aide', 'menuHelp'],
    ]);
    // five groups: set-up | the daily loop | stock | run now | settings and help
    expect(menu.items.map((i) => (i === 'separator' ? '|' : typeof i === 'object' ? i.functionName : ''))).toEqual([
      'menuSetup', '|', 'menuOrders', 'menuPick', 'menuPack', 'menuShip', 'menuReturns', '|', 'menuReceive', 'menuCount', 'menuStock', 'menuExplain',
      'menuCheckStock', '|', 'menuRefreshTracking', 'menuPurchaseOrders', 'menuReports', '|', 'menuSettings', 'menuHelp',
    ]);
  });

  it('follows the workbook language in LIMITED mode', () => {
    const s = stocked();
    okValue(s.run(() => api.saveSettings({ language: 'fr', currency: 'EUR', defaultBin: '' })));
    s.run(() => onOpen({ authMode: ScriptApp.AuthMode.LIMITED }), { authMode: 'LIMITED', kind: 'simpleTrigger' });
    expect(s.emu.ui.menus.at(-1)?.items[0]).toMatchObject({ caption: 'Préparer cette feuille' });
  });

  it('menu set-up shows what it made; forms open a sidebar', () => {
    const s = new Sheet({ htmlFiles: { receive: '<p>form</p>' } });
    s.run(() => api.menuSetup());
    expect(s.emu.ui.alerts[0]).toContain('The sheet is ready.');
    expect(s.emu.ui.alerts[0]).toContain('Stock summary');
    s.run(() => api.menuReceive());
    expect(s.emu.ui.sidebars).toEqual([{ file: 'receive', title: 'Receive stock', content: '<p>form</p>' }]);
  });
});

describe('settings', () => {
  it('validates with codes per field and writes nothing on error', () => {
    const s = stocked();
    const before = s.snapshot();
    expect(codes(s.run(() => api.saveSettings({ language: 'de', currency: 'euro', defaultBin: 'A\u0001' })))).toEqual([
      ['invalid_choice', 'language', undefined], ['invalid_choice', 'currency', undefined], ['invalid_text', 'defaultBin', undefined],
    ]);
    expect(s.snapshot()).toBe(before);
    const v = okValue(s.run(() => api.saveSettings({ language: '', currency: 'usd', defaultBin: ' shelf-1 ' })));
    expect(v).toMatchObject({ currency: 'USD', defaultBin: 'SHELF-1', effectiveLanguage: 'en' });
    expect(okValue(s.run(() => api.getSettings())).currency).toBe('USD');
  });

  it('saves the tracking provider, alert recipients and parcel statuses when given, and checks each', () => {
    const s = stocked();
    const base = { language: '', currency: 'EUR', defaultBin: 'A-1' };
    const before = s.snapshot();
    const bad = s.run(() => api.saveSettings({ ...base, trackingProvider: 'dhl', alertRecipients: 'a@example.com, nope, b@x', notifyStatusChanges: ['delivered', 'lost'] }));
    expect(codes(bad)).toEqual([
      ['invalid_choice', 'trackingProvider', undefined], ['invalid_email', 'alertRecipients', undefined], ['invalid_email', 'alertRecipients', undefined],
      ['invalid_choice', 'notifyStatusChanges', undefined],
    ]);
    expect(bad.ok ? [] : bad.errors.filter((e) => e.code === 'invalid_email').map((e) => e.params.value)).toEqual(['nope', 'b@x']);
    expect(s.snapshot()).toBe(before);
    const v = okValue(s.run(() => api.saveSettings({ ...base, trackingProvider: 'Ship24', alertRecipients: 'a@example.com; b@example.com a@example.com', notifyStatusChanges: ['exception', 'delivered'] })));
    expect(v).toMatchObject({ trackingProvider: 'ship24', alertRecipients: 'a@example.com, b@example.com', notifyStatusChanges: ['delivered', 'exception'], notifyChoices: ['out_for_delivery', 'delivered', 'exception'] });
    const settings = Object.fromEntries(s.table('settings').map((r) => [r.key, r.value]));
    expect([settings.tracking_provider, settings.alert_recipients, settings.notify_status_changes]).toEqual(['ship24', 'a@example.com, b@example.com', 'delivered, exception']);
    // left out: kept as they are
    okValue(s.run(() => api.saveSettings({ ...base, currency: 'USD' })));
    expect(okValue(s.run(() => api.getSettings()))).toMatchObject({ currency: 'USD', trackingProvider: 'ship24', alertRecipients: 'a@example.com, b@example.com' });
    okValue(s.run(() => api.saveSettings({ ...base, trackingProvider: '', alertRecipients: '', notifyStatusChanges: [] })));
    expect(okValue(s.run(() => api.getSettings()))).toMatchObject({ trackingProvider: '', alertRecipients: '', notifyStatusChanges: [] });
  });
});
