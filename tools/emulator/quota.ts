/** Daily quotas per user: a window opens at the first use and resets 24 h later on the virtual clock (reference section 15). */
import type { VirtualClock } from './clock';

export const DAY_MS = 24 * 3600 * 1000;

export class DailyQuota {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly clock: VirtualClock,
    readonly limit: number,
  ) {}

  private window(user: string): { start: number; used: number } | undefined {
    const w = this.windows.get(user);
    if (w && this.clock.now() >= w.start + DAY_MS) {
      this.windows.delete(user);
      return undefined;
    }
    return w;
  }

  used(user: string): number {
    return this.window(user)?.used ?? 0;
  }

  remaining(user: string): number {
    return Math.max(0, this.limit - this.used(user));
  }

  /** Takes n units if they fit in what is left; false (nothing taken) otherwise. */
  take(user: string, n: number): boolean {
    const w = this.window(user);
    const used = w?.used ?? 0;
    if (used + n > this.limit) return false;
    if (w) w.used += n;
    else this.windows.set(user, { start: this.clock.now(), used: n });
    return true;
  }

  /** When the user's current window resets (ms), or null when no window is open. */
  resetsAt(user: string): number | null {
    const w = this.window(user);
    return w ? w.start + DAY_MS : null;
  }
}
