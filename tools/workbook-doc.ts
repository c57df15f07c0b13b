/**
 * docs/workbook.md is generated from the schema module (the single source of tables and
 * columns): `npx tsx tools/workbook-doc.ts` rewrites it; a test fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { SCHEMA, TABLE_IDS, SETTING_DEFAULTS } from '../src/sheets/schema';
import { numberFormat } from '../src/sheets/formats';
import { en } from '../src/domain/i18n/en';
import { fr } from '../src/domain/i18n/fr';

type Key = keyof typeof en;

export function workbookDoc(): string {
  const out: string[] = [
    '# Workbook layout',
    '',
    'Generated from `src/sheets/schema.ts` by `npx tsx tools/workbook-doc.ts`; do not edit by hand.',
    '',
    'Every table is a tab carrying developer metadata `table=<id>`; its sheet id is also kept in',
    'document properties (`tables`). Row 1 holds the column ids (hidden, warning-protected), row 2',
    'the headers in the workbook language, data starts on row 3. Users may rename tabs, reorder',
    'columns and add their own columns: the add-on finds its columns by id. Closed sets are stored',
    'as codes with dropdowns; yes/no columns are checkboxes (an untouched box in `items.active`',
    'counts as active). Money columns use the Settings currency.',
    '',
  ];
  for (const id of TABLE_IDS) {
    const def = SCHEMA[id];
    out.push(`## ${id} — "${en[`table.${id}` as Key]}" / "${fr[`table.${id}` as Key]}"`, '');
    out.push(en[`help.${id}` as Key], '');
    if (def.protectedSheet) out.push('Written by the add-on only (warning-only protection).', '');
    out.push('| column id | header (en) | header (fr) | type | format | values |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of def.columns) {
      const fmt = numberFormat(c.type, 'EUR').replace(/\|/g, '\\|');
      const note = c.hidden ? ' (hidden)' : '';
      out.push(`| \`${c.id}\`${note} | ${en[`col.${id}.${c.id}` as Key]} | ${fr[`col.${id}.${c.id}` as Key]} | ${c.type} | \`${fmt}\` | ${c.values ? c.values.join(', ') : ''} |`);
    }
    out.push('');
  }
  out.push('## Settings keys', '', '| key | default | meaning |', '| --- | --- | --- |');
  for (const [k, v] of Object.entries(SETTING_DEFAULTS)) out.push(`| \`${k}\` | ${v || '(empty)'} | ${en[`setting.${k}` as Key]} |`);
  out.push('');
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync('docs/workbook.md', workbookDoc());
  console.log('wrote docs/workbook.md');
}
