/**
 * The preview's google.script.run keeps Apps Script's rules (reference section 7), so a
 * form that works in the preview does not break on Google over serialization or timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toClient } from '../../tools/preview/wire';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, sidebarFrame, type Session } from './support/preview';

describe('return values (server side of the wire)', () => {
  it('deep-copies plain data, nulls undefined in arrays, drops functions, and a Date anywhere makes the value null', () => {
    const value = { a: [1, undefined, 'x'], b: undefined, c: () => 1, d: { e: true } };
    expect(toClient(value)).toEqual({ a: [1, null, 'x'], d: { e: true } });
    expect(toClient({ rows: [[1, new Date()]] })).toBeNull();
    expect(toClient(new Date())).toBeNull();
    const shared = { n: 1 };
    const copy = toClient({ x: shared }) as { x: object };
    expect(copy.x).not.toBe(shared);
  });
});

describe('google.script.run in the browser', () => {
  let browser: Browser;
  let s: Session;
  beforeAll(async () => {
    browser = await launchBrowser();
    s = await openSession(browser);
    await openForm(s, 'menuHelp', 'dl.help');
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
  });

  it('rejects a Date, a function or a DOM node in the arguments at the call, even nested', async () => {
    const messages = await sidebarFrame(s).evaluate(() => {
      const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> } } }).google.script.run;
      return [new Date(), { lines: [{ expiry: new Date() }] }, () => 1, document.body].map((arg) => {
        try {
          run.getHelp(arg);
          return 'accepted';
        } catch (e) {
          return (e as Error).message;
        }
      });
    });
    expect(messages).toEqual([
      'Failed due to illegal value in property: 0',
      'Failed due to illegal value in property: expiry',
      'Failed due to illegal value in property: 0',
      'Failed due to illegal value in property: 0',
    ]);
  });

  it('calls back asynchronously with the user object; sends a copy with undefined in arrays as null', async () => {
    const result = await sidebarFrame(s).evaluate(() => new Promise((resolve) => {
      const g = (window as unknown as { google: { script: { run: any } } }).google;
      let returned = false;
      g.script.run
        .withSuccessHandler((value: { ok: boolean; errors: { code: string; field: string; line: number }[] }, user: unknown) => resolve({ sync: !returned, user, value }))
        .withUserObject({ tag: 'mine' })
        .receive({ requestId: 'shim-1', note: undefined, lines: [undefined] });
      returned = true;
    }));
    expect(result).toMatchObject({ sync: false, user: { tag: 'mine' }, value: { ok: false } });
    // the server saw a line (null, read as an empty line), not a hole
    expect((result as { value: { errors: { field: string; line: number }[] } }).value.errors[0]).toMatchObject({ field: 'sku', line: 1 });
    expect(s.preview.rpcLog.at(-1)!.args).toEqual([{ requestId: 'shim-1', lines: [null] }]);
  });

  it('routes a failed call to the failure handler with the user object, and chains do not leak handlers', async () => {
    s.preview.loseResponses(1);
    const result = await sidebarFrame(s).evaluate(() => new Promise((resolve) => {
      const g = (window as unknown as { google: { script: { run: any } } }).google;
      const base = g.script.run.withFailureHandler((e: Error, user: unknown) => resolve({ message: e.message, user }));
      base.withUserObject('first').getHelp();
      // the first runner keeps no user object of a later chain
      void base.withUserObject('second');
    }));
    expect(result).toEqual({ message: 'NetworkError: Connection failure due to HTTP 502', user: 'first' });
  });
});
