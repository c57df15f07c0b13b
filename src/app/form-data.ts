/** What the receive form needs to open: items, bins, lots and its strings. */
import type { Language } from '../domain/i18n';
import { CATALOGUES } from '../domain/i18n';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { languageOf } from './context';

export interface ReceiveFormData {
  language: Language;
  currency: string;
  defaultBin: string;
  items: { sku: string; name: string; barcode: string; unit: string; decimals: number; defaultBin: string; unitCost: number | null; tracksExpiry: boolean; kind: string }[];
  bins: string[];
  lots: { sku: string; lot: string; expiry: string }[];
  strings: Record<string, string>;
}

/**
 * The strings a form shows: field labels, error texts, the form's own keys, and the labels
 * of the closed sets forms offer or display (sales channels, states, movement types, return
 * reasons, dispositions and statuses, write-off reasons, count statuses, tracking and
 * purchase order statuses).
 */
export const FORM_PREFIXES = [
  'field', 'err', 'error', 'form', 'kind', 'state', 'channel', 'type',
  'returnReason', 'disposition', 'returnStatus', 'writeOffReason', 'countStatus', 'trackStatus', 'poStatus',
] as const;

const FORM_KEY = new RegExp(`^(${FORM_PREFIXES.join('|')})\\.`);

export function formStrings(lang: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(CATALOGUES[lang])) {
    if (FORM_KEY.test(k)) out[k] = v;
  }
  return out;
}

export function getReceiveFormData(ports: Ports): Outcome<ReceiveFormData> {
  const wb = ports.workbook;
  const language = languageOf(ports);
  const items = wb.items().readAll().filter((i) => i.active);
  const levels = wb.stock().readAll().map((l) => l.value);
  const defaultBin = wb.settings().default_bin ?? '';
  const bins = new Set<string>();
  for (const l of levels) if (l.bin) bins.add(l.bin);
  for (const i of items) if (i.defaultBin) bins.add(i.defaultBin);
  if (defaultBin) bins.add(defaultBin.toUpperCase());
  const lots = new Map<string, { sku: string; lot: string; expiry: string }>();
  for (const l of levels) if (l.lot) lots.set(l.sku + '\u0001' + l.lot, { sku: l.sku, lot: l.lot, expiry: l.expiry });
  return {
    value: {
      language,
      currency: wb.currency(),
      defaultBin,
      items: items.map((i) => ({
        sku: i.sku, name: i.name, barcode: i.barcode, unit: i.unit, decimals: i.decimals, defaultBin: i.defaultBin,
        unitCost: i.unitCost, tracksExpiry: i.tracksExpiry, kind: i.kind,
      })),
      bins: Array.from(bins).sort(),
      lots: Array.from(lots.values()),
      strings: formStrings(language),
    },
    changes: [],
  };
}

/** The strings of a form that needs no other data to open (check stock, settings, help). */
export interface UiStrings {
  language: Language;
  strings: Record<string, string>;
}

export function getUiStrings(ports: Ports): Outcome<UiStrings> {
  const language = languageOf(ports);
  return { value: { language, strings: formStrings(language) }, changes: [] };
}
