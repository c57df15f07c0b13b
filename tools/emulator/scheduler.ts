/** Seeded interleaving of executions in one thread (DESIGN section 6). */

/** mulberry32: small, fast, deterministic. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Scheduler {
  /** Chance that a queued task runs at a given service call. */
  probability = 0.3;
  /** Exceptions thrown by tasks (tasks never break the execution they interrupt). */
  readonly errors: unknown[] = [];
  private readonly queue: (() => void)[] = [];
  private readonly rng: () => number;

  constructor(seed: number) {
    this.rng = mulberry32(seed);
  }

  enqueue(task: () => void): void {
    this.queue.push(task);
  }

  pending(): number {
    return this.queue.length;
  }

  /** Run every queued task now, in order (including tasks queued meanwhile). */
  drain(): void {
    while (this.queue.length > 0) this.runOne();
  }

  /** Called at each counted service call, before the call is performed. */
  maybeRun(): void {
    if (this.queue.length === 0) return;
    if (this.rng() < this.probability) this.runOne();
  }

  private runOne(): void {
    const task = this.queue.shift()!;
    try {
      task();
    } catch (e) {
      this.errors.push(e);
    }
  }
}
