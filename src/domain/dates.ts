/** Date-only fields travel as yyyy-MM-dd strings (DESIGN section 4). */
export function parseYmd(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2999) return null;
  return s;
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
