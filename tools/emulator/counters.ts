/** Service-call and cell counters (DESIGN section 4: calls, cells read/written, cells scanned). */
export interface CounterSnapshot {
  calls: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  cellsScanned: number;
  total: number;
}

export class Counters {
  calls: Record<string, number> = {};
  cellsRead = 0;
  cellsWritten = 0;
  cellsScanned = 0;

  count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  totalCalls(): number {
    let n = 0;
    for (const k of Object.keys(this.calls)) n += this.calls[k];
    return n;
  }

  snapshot(): CounterSnapshot {
    return {
      calls: { ...this.calls },
      cellsRead: this.cellsRead,
      cellsWritten: this.cellsWritten,
      cellsScanned: this.cellsScanned,
      total: this.totalCalls(),
    };
  }

  /** b - a: what happened between snapshot a and snapshot b (zero entries dropped). */
  diff(a: CounterSnapshot, b: CounterSnapshot): CounterSnapshot {
    const calls: Record<string, number> = {};
    for (const k of new Set([...Object.keys(a.calls), ...Object.keys(b.calls)])) {
      const d = (b.calls[k] ?? 0) - (a.calls[k] ?? 0);
      if (d !== 0) calls[k] = d;
    }
    return {
      calls,
      cellsRead: b.cellsRead - a.cellsRead,
      cellsWritten: b.cellsWritten - a.cellsWritten,
      cellsScanned: b.cellsScanned - a.cellsScanned,
      total: b.total - a.total,
    };
  }

  reset(): void {
    this.calls = {};
    this.cellsRead = 0;
    this.cellsWritten = 0;
    this.cellsScanned = 0;
  }
}
