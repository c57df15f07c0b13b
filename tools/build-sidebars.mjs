/**
 * Sidebars: each sidebar/<form>/main.ts is bundled for the browser (ES2019) and inlined,
 * with the shared kit's CSS and the form's own style.css if any, into sidebar/template.html
 * -> dist/<form>.html. One self-contained file per form: Apps Script serves it as is,
 * offline, without CSP surprises. Fails on an external URL or a form over the size budget.
 */
import { build, transform } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MAX_FORM_BYTES = 60 * 1024;
const ROOT = 'sidebar';

/** Forms are the folders of sidebar/ that have a main.ts (kit/ is shared code, not a form). */
export function formNames(root = ROOT) {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'main.ts')))
    .map((d) => d.name)
    .sort();
}

/** External references an inlined sidebar must not have. */
export function externalReferences(html) {
  const found = [];
  for (const re of [/https?:\/\/[^\s"'<>)]*/gi, /\burl\([^)]*\)/gi, /@import\b[^;]*/gi, /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=[^>]*>/gi]) {
    for (const m of html.matchAll(re)) found.push(m[0].slice(0, 80));
  }
  return found;
}

async function bundleForm(form) {
  const js = await build({
    entryPoints: [join(ROOT, form, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const cssFiles = [join(ROOT, 'kit', 'style.css'), join(ROOT, form, 'style.css')].filter((f) => existsSync(f));
  const css = await transform(cssFiles.map((f) => readFileSync(f, 'utf8')).join('\n'), { loader: 'css', minify: true, charset: 'utf8' });
  // Inline code must not close its own element or open an HTML comment.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  const style = css.code.replace(/<\/style/gi, '<\\/style');
  const template = readFileSync(join(ROOT, 'template.html'), 'utf8');
  // function replacers: a "$" in the code must not be read as a replacement pattern
  return template.replace('/*CSS*/', () => style.trim()).replace('/*JS*/', () => script.trim());
}

export async function buildSidebars({ outDir = 'dist', quiet = false } = {}) {
  mkdirSync(outDir, { recursive: true });
  const failures = [];
  const built = [];
  for (const form of formNames()) {
    const html = await bundleForm(form);
    const bytes = Buffer.byteLength(html, 'utf8');
    const external = externalReferences(html);
    if (external.length) failures.push(`${form}.html references outside content: ${external.join(', ')}`);
    if (bytes > MAX_FORM_BYTES) failures.push(`${form}.html is ${bytes} bytes, over ${MAX_FORM_BYTES}`);
    writeFileSync(join(outDir, `${form}.html`), html);
    built.push({ form, bytes });
  }
  if (failures.length) {
    console.error('sidebar build failed:\n- ' + failures.join('\n- '));
    process.exit(1);
  }
  if (!quiet) console.log(built.map((b) => `${outDir}/${b.form}.html ${(b.bytes / 1024).toFixed(1)} KB`).join(', ') + ` (limit ${MAX_FORM_BYTES / 1024} KB each)`);
  return built;
}
