/**
 * What google.script.run does to a server function's return value before the success
 * handler sees it (reference section 7): a deep copy of plain data; undefined inside an
 * array becomes null; undefined members and functions vanish; and a Date anywhere in it
 * makes the whole value arrive as null (the known getValues-with-a-date symptom), which is
 * why the add-on sends dates as strings. Values come out of the bundle's vm realm, so types
 * are recognised by their tag, not by instanceof. The argument rules run in the browser
 * (shim.js).
 */
class DateInside extends Error {}

function copy(value: unknown, seen: object[]): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint') return null;
  if (Object.prototype.toString.call(value) === '[object Date]') throw new DateInside();
  const obj = value as Record<string, unknown>;
  if (seen.includes(obj)) throw new Error('Failed due to illegal value in the return: a circular structure');
  seen.push(obj);
  try {
    if (Array.isArray(value)) return value.map((v) => (v === undefined || typeof v === 'function' ? null : copy(v, seen)));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      const v = copy(obj[key], seen);
      if (v !== undefined) out[key] = v;
    }
    return out;
  } finally {
    seen.pop();
  }
}

export function toClient(value: unknown): unknown {
  try {
    const out = copy(value, []);
    return out;
  } catch (e) {
    if (e instanceof DateInside) return null;
    throw e;
  }
}
