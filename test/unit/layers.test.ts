import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM tool without types
import { checkLayers } from '../../tools/check-layers.mjs';
import { execFileSync } from 'node:child_process';

describe('the layer rule', () => {
  it('passes on the project', () => {
    expect(() => execFileSync('node', ['tools/check-layers.mjs'], { stdio: 'pipe' })).not.toThrow();
  });

  it('fails on an upward import, a global outside gas, a Google type in app, a package, and module state', () => {
    const problems: string[] = checkLayers({
      'src/domain/a.ts': "import { x } from '../app/b';\nexport const y = x;",
      'src/sheets/c.ts': 'export function f() { return SpreadsheetApp.getActive(); }',
      'src/app/d.ts': 'export type R = GoogleAppsScript.Spreadsheet.Range;',
      'src/app/e.ts': "import fs from 'node:fs';",
      'src/gas/f.ts': 'let counter = 0;\nexport const g = () => counter++;',
      'src/gas/ok.ts': "import { y } from '../domain/a';\nexport const z = () => SpreadsheetApp.flush() || y;",
      'sidebar/s.ts': "import { t } from '../src/app/d';",
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'src/domain/a.ts', 'src/sheets/c.ts', 'src/app/d.ts', 'src/app/e.ts', 'src/gas/f.ts', 'sidebar/s.ts',
    ]);
  });
});
