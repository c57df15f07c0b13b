/**
 * Which packaging an order needs by default: Settings `packaging_rules` lists
 * "up-to-units:SKU" steps and a last catch-all SKU, e.g. "2:ENV-S, 6:BOX-M, BOX-L".
 */
export interface PackagingRule {
  maxUnits: number | null;
  sku: string;
}

export function parsePackagingRules(text: string): PackagingRule[] {
  return text.split(/[,;\n]/).map((part) => part.trim()).filter(Boolean).map((part) => {
    const m = /^(\d+(?:[.,]\d+)?)\s*:\s*(.+)$/.exec(part);
    return m ? { maxUnits: Number(m[1].replace(',', '.')), sku: m[2].trim() } : { maxUnits: null, sku: part };
  });
}

export function suggestPackaging(units: number, rules: readonly PackagingRule[]): string {
  for (const r of rules) if (r.maxUnits === null || units <= r.maxUnits) return r.sku;
  return '';
}
