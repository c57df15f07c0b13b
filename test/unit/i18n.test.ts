import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../src/domain/i18n/en';
import { fr } from '../../src/domain/i18n/fr';
import { placeholders, resolveLanguage, translate } from '../../src/domain/i18n';
import { ERROR_CODES } from '../../src/domain/result';
import { SCHEMA, TABLE_IDS } from '../../src/sheets/schema';
import { ITEM_KINDS, MOVEMENT_TYPES, STATES, STOCK_STATUSES } from '../../src/domain/types';

describe('catalogues', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same placeholders for every key', () => {
    const mismatched = Object.keys(en).filter((k) => {
      const key = k as keyof typeof en;
      return placeholders(en[key]).join() !== placeholders(fr[key]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('have no empty or untranslated-looking French text for long strings', () => {
    const empty = Object.entries(fr).filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
    const same = Object.keys(en).filter((k) => {
      const key = k as keyof typeof en;
      return en[key].length > 25 && en[key] === fr[key];
    });
    expect(same).toEqual([]);
  });

  it('label every table, column, error code and closed-set code', () => {
    const needed = [
      ...TABLE_IDS.map((t) => `table.${t}`),
      ...TABLE_IDS.flatMap((t) => SCHEMA[t].columns.map((c) => `col.${t}.${c.id}`)),
      ...ERROR_CODES.map((c) => `err.${c}`),
      ...ITEM_KINDS.map((c) => `kind.${c}`),
      ...STATES.map((c) => `state.${c}`),
      ...MOVEMENT_TYPES.map((c) => `type.${c}`),
      ...STOCK_STATUSES.map((c) => `status.${c}`),
    ];
    expect(needed.filter((k) => !(k in en))).toEqual([]);
  });

  it('resolve the language from Settings, else the spreadsheet locale', () => {
    expect(resolveLanguage('fr', 'en_US')).toBe('fr');
    expect(resolveLanguage('', 'fr_CA')).toBe('fr');
    expect(resolveLanguage('', 'de_DE')).toBe('en');
    expect(resolveLanguage('xx', 'fr')).toBe('fr');
    expect(translate('fr', 'error.atLine', { line: 2, field: 'quantité', problem: 'x' })).toBe('Ligne 2, quantité : x');
  });
});

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ts$/.test(p)) out.push(p);
  }
  return out;
}

describe('no UI text outside the catalogues', () => {
  it('server code shows users only catalogue strings', () => {
    // User-facing calls (alert, toast, setTitle, message fields) must take t(...) output;
    // a quoted sentence passed to them is a string that escaped translation.
    const offenders: string[] = [];
    for (const file of walk('src').filter((f) => !f.includes('i18n'))) {
      const code = readFileSync(file, 'utf8');
      const re = /\.(alert|toast|setTitle)\(\s*(['"`])[^'"`]*[A-Za-z]{3,}[^'"`]*\2/g;
      for (const m of code.matchAll(re)) offenders.push(`${file}: ${m[0]}`);
      for (const m of code.matchAll(/\bmessage:\s*(['"`])[A-Za-z][^'"`]*\s[^'"`]*\1/g)) offenders.push(`${file}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
