/** Normalization of free-text identifiers (DESIGN section 3). */
export function normalizeBin(bin: unknown): string {
  return typeof bin === 'string' ? bin.trim().toUpperCase() : '';
}

export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** SKUs match case-insensitively; the Items spelling is the one stored. */
export function skuKey(sku: string): string {
  return sku.trim().toUpperCase();
}

export const MAX_TEXT = 500;
export const MAX_ID = 64;

/** Control characters make cells and emails unreadable; everything else is allowed. */
export function hasControlChars(s: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
}

/** Text placed into HTML (sidebars, emails) is always escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
