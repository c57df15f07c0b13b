/**
 * The generic mapping: for a file of no known format, the user picks which column holds
 * what (the app remembers the choice in document properties). Header names are compared
 * trimmed and without case; every mapped column must exist in the file (`missing_column`
 * otherwise, so a remembered mapping never silently drops a field).
 */
import { isCancelledStatus } from './formats';
import { buildLines, type Profile, type RawField } from './lines';
import type { ImportedLine, RowProblem } from './types';
import { foldAccents, looseKey, readDate, type DateOrder, type DecimalStyle } from './values';

export interface GenericMapping {
  orderId: string;
  /** Without it, the line key is the position within the order (1, 2, ...). */
  lineId?: string;
  sku: string;
  qty: string;
  date?: string;
  customerName?: string;
  email?: string;
  country?: string;
  language?: string;
  unitPrice?: string;
  currency?: string;
  shippingMethod?: string;
  itemName?: string;
  /** A status, a "cancelled" yes/no or a "cancelled at" date column. */
  cancelled?: string;
  /** Day/month order of slashed dates; without it the file's values decide (`ambiguous_date` if they cannot). */
  dateOrder?: DateOrder;
  /** Decimal separator; without it: comma for `;` files, else dot (a lone comma with 1-2 decimals is always read as decimal). */
  decimal?: DecimalStyle;
}

/** The mapping keys that name a column, in the order suggestions assign them. */
export const MAPPING_FIELDS = ['orderId', 'lineId', 'sku', 'qty', 'date', 'unitPrice', 'itemName', 'customerName', 'email', 'country', 'language', 'currency', 'shippingMethod', 'cancelled'] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export const REQUIRED_MAPPING_FIELDS: readonly MappingField[] = ['orderId', 'sku', 'qty'];

/** Common header names, English and French, as looseKey() writes them (accents off, punctuation as spaces). */
const CANDIDATES: Record<MappingField, readonly string[]> = {
  orderId: ['order id', 'order number', 'order no', 'order #', 'order', 'order ref', 'order reference', 'amazon order id', 'commande', 'n de commande', 'no de commande', 'numero de commande', 'num commande', 'n commande', 'id commande', 'reference commande', 'ref commande', 'numero commande'],
  lineId: ['line id', 'line', 'line number', 'line no', 'line item id', 'order item id', 'item id', 'item #', 'transaction id', 'ligne', 'n de ligne', 'numero de ligne', 'id ligne'],
  sku: ['sku', 'product sku', 'item sku', 'variant sku', 'seller sku', 'lineitem sku', 'reference', 'ref', 'reference produit', 'ref produit', 'code article', 'code produit', 'product code', 'item code', 'article code'],
  qty: ['quantity', 'qty', 'quantite', 'qte', 'quantity ordered', 'quantity purchased', 'qty ordered', 'lineitem quantity', 'quantite commandee', 'nombre', 'units'],
  date: ['order date', 'date', 'created at', 'purchase date', 'sale date', 'date de commande', 'date commande', 'date de la commande', 'created'],
  unitPrice: ['unit price', 'price', 'item price', 'item cost', 'prix unitaire', 'prix', 'pu', 'prix unitaire ttc', 'prix ttc'],
  itemName: ['item name', 'product name', 'product', 'title', 'item', 'description', 'lineitem name', 'designation', 'produit', 'nom du produit', 'nom produit', 'libelle', 'article'],
  customerName: ['customer name', 'customer', 'name', 'full name', 'shipping name', 'recipient', 'recipient name', 'buyer name', 'buyer', 'client', 'nom du client', 'nom client', 'nom', 'nom complet', 'destinataire'],
  email: ['email', 'e mail', 'email address', 'customer email', 'buyer email', 'courriel', 'adresse email', 'adresse e mail', 'mail'],
  country: ['country', 'country code', 'shipping country', 'ship country', 'destination country', 'pays', 'pays de livraison', 'code pays'],
  language: ['language', 'locale', 'lang', 'customer language', 'customer locale', 'langue', 'langue du client'],
  currency: ['currency', 'currency code', 'devise', 'monnaie'],
  shippingMethod: ['shipping method', 'ship method', 'shipping service', 'ship service level', 'delivery method', 'carrier', 'shipping', 'mode de livraison', 'mode d expedition', 'methode d expedition', 'transporteur', 'livraison', 'expedition'],
  cancelled: ['cancelled', 'canceled', 'cancelled at', 'order status', 'status', 'statut', 'statut de la commande', 'etat', 'annulee', 'annule', 'annulation'],
};

/**
 * A proposed mapping from common header names (English and French): exact names first,
 * then, for the required fields still open, a header containing a candidate as whole words
 * ("Quantité commandée (unités)"). Each header is used once. Values are the file's headers.
 */
export function suggestMapping(headers: string[]): Partial<GenericMapping> {
  const keys = headers.map(looseKey);
  const used: boolean[] = headers.map(() => false);
  const out: Partial<Record<MappingField, string>> = {};
  const take = (field: MappingField, j: number): void => {
    out[field] = headers[j].replace(/^\ufeff/, '').trim();
    used[j] = true;
  };
  for (const field of MAPPING_FIELDS) {
    for (const c of CANDIDATES[field]) {
      const j = keys.findIndex((k, i) => !used[i] && k === c);
      if (j >= 0) {
        take(field, j);
        break;
      }
    }
  }
  for (const field of REQUIRED_MAPPING_FIELDS) {
    if (out[field]) continue;
    for (const c of CANDIDATES[field]) {
      if (c.length < 3) continue;
      const j = keys.findIndex((k, i) => !used[i] && (' ' + k + ' ').indexOf(' ' + c + ' ') >= 0);
      if (j >= 0) {
        take(field, j);
        break;
      }
    }
  }
  return out;
}

export function isCompleteMapping(m: Partial<GenericMapping>): m is GenericMapping {
  return REQUIRED_MAPPING_FIELDS.every((f) => typeof m[f] === 'string' && (m[f] as string).trim() !== '');
}

/** Cancelled: a status word (cancelled, refunded, annulée...), a yes (yes, true, oui, 1, x), or a date. */
export function isCancelledCell(s: string): boolean {
  const t = foldAccents(s.trim().toLowerCase());
  if (t === '') return false;
  if (isCancelledStatus(t) || /^(yes|y|true|oui|1|x)$/.test(t)) return true;
  const d = readDate(t, 'dmy');
  return d.kind === 'ok';
}

export function mappingProfile(mapping: GenericMapping, decimal: DecimalStyle): Profile {
  const columns: Partial<Record<RawField, readonly string[]>> = {};
  const required: RawField[] = [];
  const set = (field: RawField, header: string | undefined): void => {
    if (typeof header !== 'string' || header.trim() === '') return;
    columns[field] = [header];
    required.push(field);
  };
  set('orderId', mapping.orderId);
  set('lineId', mapping.lineId);
  set('sku', mapping.sku);
  set('qty', mapping.qty);
  set('date', mapping.date);
  set('customerName', mapping.customerName);
  set('email', mapping.email);
  set('country', mapping.country);
  set('language', mapping.language);
  set('unitPrice', mapping.unitPrice);
  set('currency', mapping.currency);
  set('shippingMethod', mapping.shippingMethod);
  set('itemName', mapping.itemName);
  set('status', mapping.cancelled);
  // The three required fields stay required even when left blank in a stored mapping.
  for (const f of ['orderId', 'sku', 'qty'] as const) {
    if (!columns[f]) {
      columns[f] = [mapping[f] || f];
      required.push(f);
    }
  }
  return {
    channel: 'generic',
    columns,
    required,
    dateOrder: mapping.dateOrder ?? null,
    decimal: mapping.decimal ?? decimal,
    isCancelled: isCancelledCell,
  };
}

/** Records (header excluded) to canonical lines with the user's mapping. */
export function applyMapping(headers: string[], records: string[][], mapping: GenericMapping, decimal: DecimalStyle = 'dot'): { lines: ImportedLine[]; problems: RowProblem[] } {
  return buildLines(headers, records, mappingProfile(mapping, decimal));
}
