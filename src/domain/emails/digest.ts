/**
 * The low-stock digest: one email per run, items newly at or below their reorder point
 * grouped by supplier with how much to order, and lots expiring soon. Values placed in the
 * HTML are escaped.
 */
import { translate, type Language } from '../i18n';
import { escapeHtml } from '../text';
import type { Digest } from '../replenishment';
import type { Email } from './shipped';

function n(v: number | null): string {
  return v === null ? '–' : String(Number(v.toFixed(2)));
}

export function digestEmail(lang: Language, digest: Digest, expiryDays: number, shop: string, parcels: readonly string[] = []): Email {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(lang, k, p);
  const count = digest.groups.reduce((a, g) => a + g.lines.length, 0);
  const subject = t('digest.subject', { count }) + (shop ? ` — ${shop}` : '');
  const head = t('digest.head').split(' | ');
  const text: string[] = [t('digest.intro'), ''];
  const html: string[] = [`<p>${escapeHtml(t('digest.intro'))}</p>`];
  for (const g of digest.groups) {
    const title = g.supplier || t('digest.noSupplier');
    text.push(title, head.join(' | '));
    html.push(`<h3>${escapeHtml(title)}</h3><table border="1" cellpadding="4" style="border-collapse:collapse"><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`);
    for (const l of g.lines) {
      const cells = [l.sku, l.name, n(l.onHand), n(l.reserved), n(l.availableToSell), n(l.incoming), n(l.reorderPoint), n(l.toOrder), n(l.daysOfCover)];
      text.push(cells.join(' | '));
      html.push(`<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
    }
    text.push('');
    html.push('</table>');
  }
  if (digest.expiring.length) {
    const title = t('digest.expiringTitle', { days: expiryDays });
    text.push(title);
    html.push(`<h3>${escapeHtml(title)}</h3><ul>`);
    for (const e of digest.expiring) {
      const line = t('digest.expiringLine', { sku: e.sku, lot: e.lot, bin: e.bin, qty: n(e.qty), expiry: e.expiry });
      text.push(line);
      html.push(`<li>${escapeHtml(line)}</li>`);
    }
    html.push('</ul>');
  }
  if (parcels.length) {
    const title = t('digest.parcelsTitle');
    text.push('', title, ...parcels);
    html.push(`<h3>${escapeHtml(title)}</h3><ul>${parcels.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`);
  }
  return { subject, body: text.join('\n'), htmlBody: `<div style="font-family:Arial,sans-serif;font-size:13px">${html.join('')}</div>` };
}

/** Recipients from Settings: addresses separated by commas, semicolons or spaces. */
export function parseRecipients(text: string, isEmail: (s: string) => boolean): { valid: string[]; invalid: string[] } {
  const parts = text.split(/[,;\s]+/).map((p) => p.trim()).filter(Boolean);
  return { valid: parts.filter(isEmail), invalid: parts.filter((p) => !isEmail(p)) };
}
