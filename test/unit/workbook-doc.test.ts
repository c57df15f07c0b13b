import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { workbookDoc } from '../../tools/workbook-doc';

it('docs/workbook.md matches the schema (regenerate with npx tsx tools/workbook-doc.ts)', () => {
  expect(readFileSync('docs/workbook.md', 'utf8')).toBe(workbookDoc());
});
