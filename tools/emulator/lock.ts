/**
 * LockService: document lock per document, script lock per script, user lock per user.
 * One thread: a lock held by another execution can only be held by a suspended outer one, so
 * waiting can never succeed: the clock advances by the timeout, then waitLock throws / tryLock is false.
 */
import type { LockLike, LockServiceLike } from '../../src/sheets/apps-script';
import { ServiceError } from './errors';
import type { Execution } from './execution';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class LockTable {
  private readonly holders = new Map<string, Execution>();
  /** alwaysGranted mode: keys each execution was granted (for hasLock). */
  private readonly granted = new Map<Execution, Set<string>>();

  constructor(readonly mode: 'enforced' | 'alwaysGranted') {}

  holder(key: string): Execution | undefined {
    return this.holders.get(key);
  }

  acquire(x: Execution, key: string): boolean {
    if (this.mode === 'alwaysGranted') {
      let s = this.granted.get(x);
      if (!s) this.granted.set(x, (s = new Set()));
      s.add(key);
      return true;
    }
    const h = this.holders.get(key);
    if (h === undefined || h === x) {
      this.holders.set(key, x);
      return true;
    }
    return false;
  }

  has(x: Execution, key: string): boolean {
    if (this.mode === 'alwaysGranted') return this.granted.get(x)?.has(key) ?? false;
    return this.holders.get(key) === x;
  }

  release(x: Execution, key: string): void {
    if (this.mode === 'alwaysGranted') this.granted.get(x)?.delete(key);
    else if (this.holders.get(key) === x) this.holders.delete(key);
  }

  releaseAll(x: Execution): void {
    this.granted.delete(x);
    for (const [k, h] of [...this.holders]) if (h === x) this.holders.delete(k);
  }
}

export function lockServiceFacade(x: Execution, table: LockTable): LockServiceLike {
  return x.wrap('LockService', new LockServiceFacade(x, table));
}

class LockServiceFacade implements LockServiceLike {
  constructor(
    private readonly x: Execution,
    private readonly table: LockTable,
  ) {}
  getDocumentLock(): LockLike | null {
    return this.x.wrap('Lock', new LockFacade(this.x, this.table, 'document'));
  }
  getScriptLock(): LockLike {
    return this.x.wrap('Lock', new LockFacade(this.x, this.table, 'script'));
  }
  getUserLock(): LockLike {
    return this.x.wrap('Lock', new LockFacade(this.x, this.table, `user:${this.x.user}`));
  }
}

class LockFacade implements LockLike {
  constructor(
    private readonly x: Execution,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}
  private _wait(timeoutInMillis: number): boolean {
    const t = Number(timeoutInMillis);
    if (!Number.isFinite(t) || t < 0) throw new ServiceError('Invalid argument: timeoutInMillis');
    if (this.table.acquire(this.x, this.key)) return true;
    this.x.emu.clock.advance(t);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._wait(timeoutInMillis)) throw new ServiceError(LOCK_TIMEOUT_MESSAGE);
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._wait(timeoutInMillis);
  }
  hasLock(): boolean {
    return this.table.has(this.x, this.key);
  }
  releaseLock(): void {
    this.table.release(this.x, this.key);
  }
}
