/** Movement ids are M + 8 digits, sequential: the nth ledger row holds M(n). */
export function movementId(n: number): string {
  return 'M' + String(n).padStart(8, '0');
}

export function movementNumber(id: string): number | null {
  const m = /^M(\d{8,})$/.exec(id);
  return m ? Number(m[1]) : null;
}

/** True when `id` is strictly after `through` ("" means nothing applied yet). */
export function isAfter(id: string, through: string): boolean {
  const a = movementNumber(id);
  if (a === null) return false;
  const b = through ? movementNumber(through) : 0;
  return b === null ? true : a > b;
}
