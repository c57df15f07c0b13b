/**
 * One preview server (real bundle, emulated workbook, shim) plus one browser page per test,
 * and the few moves every e2e test makes: open a form from the menu, read a table.
 */
import { copyFileSync, readFileSync, mkdirSync } from 'node:fs';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../../tools/preview/server';
import type { Scenario } from '../../../tools/replay';
import { readTable } from '../../../tools/tables';
import type { TableId } from '../../../src/sheets/schema';
import type { Browser } from './browser';

export const DEMO = JSON.parse(readFileSync('examples/demo.json', 'utf8')) as Scenario;
/** Every test run writes its screenshots here (ignored by git, like all of test-results/). */
export const SCREENSHOTS = 'test-results/screenshots';
/** The README's pictures: rewritten only when asked, so a normal run leaves the working tree clean. */
export const DOC_SCREENSHOTS = 'docs/screenshots';
export const updateDocScreenshots = () => process.env.UPDATE_SCREENSHOTS === '1';

export interface Session {
  preview: Preview;
  page: Page;
  close(): Promise<void>;
}

export async function openSession(browser: Browser, opts: { scenario?: Scenario; latencyMs?: number } = {}): Promise<Session> {
  const preview = await startPreview({ scenario: opts.scenario ?? DEMO, latencyMs: opts.latencyMs ?? 0 });
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(preview.url);
  await page.locator('nav.menu button').first().waitFor();
  return {
    preview,
    page,
    async close() {
      await page.close();
      await preview.close();
      if (problems.length) throw new Error('errors in the page: ' + problems.join('; '));
    },
  };
}

/** Click a menu item (by its function name) and wait until the new sidebar shows `ready`. */
export async function openForm(s: Session, fn: string, ready: string): Promise<FrameLocator> {
  const id = s.preview.emu.ui.sidebars.length;
  await s.page.locator(`nav.menu button[data-fn="${fn}"]`).click();
  await s.page.locator(`#sidebar-frame[src="/sidebar/${id}"]`).waitFor({ state: 'attached' });
  const frame = s.page.frameLocator('#sidebar-frame');
  await frame.locator(ready).first().waitFor();
  return frame;
}

/** The sidebar's frame itself, to run script in it. */
export function sidebarFrame(s: Session): Frame {
  const frame = s.page.frames().find((f) => /\/sidebar\/\d+$/.test(f.url()));
  if (!frame) throw new Error('no sidebar is open');
  return frame;
}

/** Visible text with the no-break spaces French formatting uses (8,25 €) turned into plain spaces. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/[\u00a0\u202f]/g, ' ');
}

export function table(s: Session, id: TableId): Record<string, unknown>[] {
  return readTable(s.preview.emu.book, id);
}

/**
 * A screenshot of the sidebar's form as the user sees it (300 px wide), saved under
 * test-results/screenshots; with UPDATE_SCREENSHOTS=1 also copied to docs/screenshots.
 */
export async function screenshot(s: Session, frame: FrameLocator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  // a tall window so the whole form fits in the sidebar frame (an element shot stops at the frame's edge)
  const size = s.page.viewportSize();
  await s.page.setViewportSize({ width: 1200, height: 2400 });
  await frame.locator('main.sidebar').screenshot({ path, animations: 'disabled' });
  if (size) await s.page.setViewportSize(size);
  if (updateDocScreenshots()) {
    mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    copyFileSync(path, `${DOC_SCREENSHOTS}/${name}.png`);
  }
}
