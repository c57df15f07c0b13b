/** What a confirmation will do, computed as the server will: the quantities typed per line. */
import type { WalkLine } from '../api';
import { parseDecimal } from '../../src/domain/quantity';

export interface PickPreview {
  /** units that move from available to picked; null while a quantity is not a number */
  picked: number | null;
  short: { seq: number; sku: string; missing: number }[];
}

export function pickPreview(walk: readonly WalkLine[], typed: (seq: number) => string): PickPreview {
  let picked: number | null = 0;
  const short: PickPreview['short'] = [];
  for (const w of walk) {
    const q = parseDecimal(typed(w.seq));
    if (q === null || q < 0 || q > w.qty) {
      picked = null;
      continue;
    }
    if (picked !== null) picked = Number((picked + q).toFixed(9));
    if (q < w.qty) short.push({ seq: w.seq, sku: w.sku, missing: Number((w.qty - q).toFixed(9)) });
  }
  return { picked, short };
}
