/**
 * The sidebars carry no prose of their own: every word a user reads comes from the
 * catalogues through the server (getReceiveFormData / getUiStrings). A sentence typed in
 * sidebar code would show in one language only; this finds string literals that read like
 * text (a capital letter with a space, or a sentence's closing punctuation) rather than
 * class names, keys or selectors.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

export function proseLiterals(code: string): string[] {
  const noComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const literals = [...noComments.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return literals.filter((s) => /\p{L}{2,}/u.test(s) && ((/\p{Lu}/u.test(s) && /\s/.test(s)) || /\p{L}[.!?:…]$/u.test(s.trim())));
}

describe('sidebar code', () => {
  it('has no user-visible text of its own', () => {
    const found = sources('sidebar').flatMap((f) => proseLiterals(readFileSync(f, 'utf8')).map((s) => `${f}: ${s}`));
    expect(found).toEqual([]);
  });

  it('the check can fail', () => {
    expect(proseLiterals(`el.textContent = 'Nothing was recorded';\nconst c = 'line-head'; const k = 'form.receive.submit';`)).toEqual(['Nothing was recorded']);
    expect(proseLiterals('title: "Enregistré."')).toEqual(['Enregistré.']);
  });
});
