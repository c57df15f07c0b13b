/** The one virtual clock shared by every execution of an emulator. */
const NodeDate = Date;

export function toMillis(t: string | number | Date): number {
  if (typeof t === 'number') return t;
  if (typeof t === 'string') {
    const ms = NodeDate.parse(t);
    if (Number.isNaN(ms)) throw new Error(`Invalid clock time: ${t}`);
    return ms;
  }
  if (Object.prototype.toString.call(t) === '[object Date]') return t.getTime();
  throw new Error('Invalid clock time');
}

export class VirtualClock {
  private t: number;
  constructor(start: string | number | Date) {
    this.t = toMillis(start);
  }
  now(): number {
    return this.t;
  }
  set(t: string | number | Date): void {
    this.t = toMillis(t);
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`clock.advance needs a non-negative number, got ${ms}`);
    this.t += ms;
  }
}
