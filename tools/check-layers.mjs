/**
 * The layer rule of DESIGN section 1, checked (tsc cannot see import direction):
 * dependencies point down only (gas -> app -> sheets -> domain; sidebar -> domain),
 * Apps Script globals only in src/gas, Google types never in src/domain or src/app,
 * no Node built-ins or npm runtime packages in shipped code, and no mutable
 * module-level state (Apps Script re-runs top-level code on every execution).
 * Exits 1 with one line per violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ALLOWED = {
  domain: ['domain'],
  sheets: ['sheets', 'domain'],
  app: ['app', 'sheets', 'domain'],
  gas: ['gas', 'app', 'sheets', 'domain'],
  sidebar: ['sidebar', 'domain'],
};
const GLOBALS = /(?<![.\w])(SpreadsheetApp|LockService|PropertiesService|CacheService|Session|Utilities|HtmlService|ScriptApp|UrlFetchApp|MailApp|Logger|DriveApp|GmailApp|Charts|google\.script)\s*\./;

export function layerOf(path) {
  const p = path.split(sep).join('/');
  if (p.startsWith('sidebar/')) return 'sidebar';
  const m = /^src\/(domain|sheets|app|gas)\//.exec(p);
  return m ? m[1] : null;
}

function stripComments(code) {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** files: { 'src/app/x.ts': 'source' } -> list of violation strings */
export function checkLayers(files) {
  const problems = [];
  for (const [path, source] of Object.entries(files)) {
    const layer = layerOf(path);
    if (!layer) continue;
    const code = stripComments(source);
    // Only real module specifiers: `import ... from '...'`, `export ... from '...'`,
    // `import '...'` and `import('...')` — not words inside string literals.
    const specifiers = [
      ...code.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm),
      ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
      ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((m) => m[1]);
    for (const spec of specifiers) {
      if (!spec.startsWith('.')) {
        problems.push(`${path}: imports the package "${spec}" (shipped code uses no runtime packages or Node built-ins)`);
        continue;
      }
      const target = layerOf(relative('.', resolve(dirname(path), spec)));
      if (!target || !ALLOWED[layer].includes(target)) problems.push(`${path}: ${layer} may not import ${spec} (${target ?? 'outside the layers'})`);
    }
    if (layer !== 'gas' && layer !== 'sidebar' && GLOBALS.test(code)) problems.push(`${path}: uses an Apps Script global outside src/gas`);
    if ((layer === 'domain' || layer === 'app') && /\bGoogleAppsScript\b/.test(code)) problems.push(`${path}: uses a Google type in ${layer}`);
    if (layer !== 'sidebar' && /^(let|var)\s/m.test(code)) problems.push(`${path}: mutable module-level state (top-level let/var)`);
  }
  return problems;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = {};
  for (const root of ['src', 'sidebar']) for (const f of walk(root)) files[f.split(sep).join('/')] = readFileSync(f, 'utf8');
  const problems = checkLayers(files);
  if (problems.length) {
    console.error('layer check failed:\n' + problems.map((p) => '- ' + p).join('\n'));
    process.exit(1);
  }
  console.log(`layer check: ${Object.keys(files).length} files, dependencies point down`);
}
