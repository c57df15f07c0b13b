import { describe, expect, it } from 'vitest';
import { Emulator, LOCK_TIMEOUT_MESSAGE } from '../../tools/emulator/index';

describe('LockService', () => {
  it('a nested execution waiting on a held lock advances the clock by the timeout and throws', () => {
    const emu = new Emulator();
    emu.scheduler.probability = 1;
    const inner: { error?: string; took?: number } = {};
    const task = () => {
      const t0 = emu.clock.now();
      try {
        emu.run({ user: 'b@example.com' }, () => LockService.getDocumentLock()!.waitLock(10000));
      } catch (e) {
        inner.error = (e as Error).message;
      }
      inner.took = emu.clock.now() - t0;
    };
    const start = emu.clock.now();
    emu.run({ user: 'a@example.com' }, () => {
      const lock = LockService.getDocumentLock()!;
      lock.waitLock(30000);
      emu.scheduler.enqueue(task);
      SpreadsheetApp.getActiveSpreadsheet(); // scheduling point: B runs here, while A holds the lock
      expect(lock.hasLock()).toBe(true);
    });
    expect(inner).toEqual({ error: LOCK_TIMEOUT_MESSAGE, took: 10000 });
    expect(emu.clock.now() - start).toBe(10000);
  });

  it('tryLock returns false on a held lock; the same execution may re-acquire', () => {
    const emu = new Emulator();
    emu.scheduler.probability = 1;
    let got: boolean | undefined;
    const out = emu.run({}, () => {
      const l = LockService.getScriptLock();
      const first = l.tryLock(100);
      const again = LockService.getScriptLock().tryLock(100);
      emu.scheduler.enqueue(() => {
        got = emu.run({ user: 'other@example.com' }, () => LockService.getScriptLock().tryLock(500));
      });
      Session.getScriptTimeZone(); // scheduling point
      return [first, again];
    });
    expect(out).toEqual([true, true]);
    expect(got).toBe(false);
  });

  it('user locks are per user', () => {
    const emu = new Emulator();
    emu.scheduler.probability = 1;
    const got: Record<string, boolean> = {};
    const attempt = (user: string) => () => {
      got[user] = emu.run({ user }, () => LockService.getUserLock().tryLock(1));
    };
    emu.run({ user: 'a@example.com' }, () => {
      LockService.getUserLock().waitLock(100);
      emu.scheduler.enqueue(attempt('b@example.com'));
      emu.scheduler.enqueue(attempt('a@example.com'));
      Session.getScriptTimeZone();
    });
    expect(got).toEqual({ 'b@example.com': true, 'a@example.com': false });
  });

  it('releases every lock at the end of an execution, also when it throws', () => {
    const emu = new Emulator();
    expect(() =>
      emu.run({}, () => {
        LockService.getDocumentLock()!.waitLock(1000);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(emu.lockHolder('document')).toBeUndefined();
    expect(emu.run({}, () => LockService.getDocumentLock()!.tryLock(0))).toBe(true);
    expect(emu.lockHolder('document')).toBeUndefined();
  });

  it('releaseLock frees the lock for a later nested execution; no-op when not held', () => {
    const emu = new Emulator();
    emu.scheduler.probability = 1;
    let got: boolean | undefined;
    emu.run({}, () => {
      const l = LockService.getDocumentLock()!;
      l.releaseLock();
      l.waitLock(100);
      l.releaseLock();
      expect(l.hasLock()).toBe(false);
      emu.scheduler.enqueue(() => {
        got = emu.run({}, () => LockService.getDocumentLock()!.tryLock(1));
      });
      SpreadsheetApp.flush();
    });
    expect(got).toBe(true);
  });

  it("locking 'alwaysGranted' grants every lock: nothing is exclusive", () => {
    const emu = new Emulator({ locking: 'alwaysGranted' });
    emu.scheduler.probability = 1;
    let inner: boolean | undefined;
    const t0 = emu.clock.now();
    emu.run({}, () => {
      LockService.getDocumentLock()!.waitLock(1000);
      emu.scheduler.enqueue(() => {
        inner = emu.run({}, () => {
          const l = LockService.getDocumentLock()!;
          l.waitLock(5000);
          return l.hasLock();
        });
      });
      SpreadsheetApp.flush();
    });
    expect(inner).toBe(true);
    expect(emu.clock.now()).toBe(t0);
  });
});

describe('scheduler', () => {
  it('is seeded: the same seed interleaves the same way', () => {
    const trace = (seed: number) => {
      const emu = new Emulator({ seed });
      const log: string[] = [];
      for (let i = 0; i < 5; i++) emu.scheduler.enqueue(() => log.push(`task${i}`));
      emu.run({}, () => {
        for (let k = 0; k < 10; k++) {
          log.push(`call${k}`);
          Session.getScriptTimeZone();
        }
      });
      return log.join(',');
    };
    expect(trace(7)).toBe(trace(7));
    expect(new Set([1, 2, 3, 4, 5, 6].map(trace)).size).toBeGreaterThan(1);
  });

  it('records task errors instead of breaking the interrupted execution; drain runs the rest in order', () => {
    const emu = new Emulator();
    emu.scheduler.probability = 1;
    const order: number[] = [];
    emu.scheduler.enqueue(() => {
      throw new Error('task failed');
    });
    expect(emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getName())).toBe('Stock Ledger');
    expect((emu.scheduler.errors[0] as Error).message).toBe('task failed');
    emu.scheduler.probability = 0;
    emu.scheduler.enqueue(() => order.push(1));
    emu.scheduler.enqueue(() => order.push(2));
    emu.run({}, () => SpreadsheetApp.flush());
    expect(emu.scheduler.pending()).toBe(2);
    emu.scheduler.drain();
    expect(order).toEqual([1, 2]);
    expect(emu.scheduler.pending()).toBe(0);
  });
});
