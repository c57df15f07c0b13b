/**
 * The local preview (DESIGN section 6): dist/Code.js runs in the bundle sandbox over an
 * emulated workbook; the page shows the tabs (display values, and a tab's embedded charts as
 * inline SVG above its table), the add-on menu as buttons,
 * each sidebar in a 300 px frame with a google.script.run shim that keeps the real rules,
 * and a switch between two users. Listens on 127.0.0.1 only. The e2e tests start it
 * in-process and read the same emulator the page shows.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../emulator/index';
import { BundleSandbox } from '../sandbox';
import { emulatorFor, runScenario, type ReplayOutput, type Scenario } from '../replay';
import { chartsOf } from './charts';
import { toClient } from './wire';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface PreviewOptions {
  /** run first, to seed the workbook (the replay envelope of DESIGN section 6) */
  scenario: Scenario;
  /** the users the page switches between; the first is active at start */
  users?: string[];
  distDir?: string;
  /** 0 (default) picks a free port */
  port?: number;
  /** added to every google.script.run call, as a real round trip takes time */
  latencyMs?: number;
}

export interface Preview {
  url: string;
  emu: Emulator;
  sandbox: BundleSandbox;
  /** the scenario's results (seeding) */
  seeded: ReplayOutput;
  user: string;
  users: string[];
  latencyMs: number;
  /** google.script.run calls served, in order (what the forms really sent) */
  rpcLog: { fn: string; args: unknown[]; user: string }[];
  /** run the next n calls, then answer as if the network dropped the response */
  loseResponses(n: number): void;
  close(): Promise<void>;
}

/** dist/<form>.html, keyed by form name as HtmlService.createHtmlOutputFromFile takes it. */
export function htmlFiles(distDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(distDir)) if (f.endsWith('.html')) out[f.slice(0, -5)] = readFileSync(join(distDir, f), 'utf8');
  return out;
}

/** The sidebar as served: the shim goes first in <head>, so google.script exists before the form's script runs. */
export function withShim(html: string, functions: string[]): string {
  const shim = readFileSync(join(HERE, 'shim.js'), 'utf8').replace('/*FUNCTIONS*/ []', () => JSON.stringify(functions));
  const tag = `<script>${shim}</script>`;
  return /<head>/i.test(html) ? html.replace(/<head>/i, (m) => m + tag) : tag + html;
}

function sheetsOf(emu: Emulator) {
  return emu.book.sheets.map((s) => {
    const display = s.displayValues();
    const table = s.metadata.find((m) => m.key === 'table' && m.location.type === 'SHEET')?.value ?? null;
    return {
      name: s.name,
      table,
      frozenRows: s.frozenRows,
      rows: display.map((cells, i) => ({ n: i + 1, cells })).filter((r) => !s.hiddenRows.has(r.n)),
      // embedded charts drawn as inline SVG from the display values of their ranges (charts.ts)
      charts: chartsOf(s),
    };
  });
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 1_000_000) throw new Error('request too large');
  }
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function send(res: ServerResponse, status: number, type: string, content: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(content);
}

const json = (res: ServerResponse, value: unknown, status = 200) => send(res, status, 'application/json', JSON.stringify(value));

function errorText(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? `${(e as Error).name || 'Error'}: ${(e as Error).message}` : String(e);
}

export async function startPreview(o: PreviewOptions): Promise<Preview> {
  const distDir = o.distDir ?? 'dist';
  const emu = emulatorFor(o.scenario);
  Object.assign(emu.options.htmlFiles, htmlFiles(distDir));
  const sandbox = new BundleSandbox(emu, { bundlePath: join(distDir, 'Code.js') });
  const seeded = runScenario(o.scenario, { emulator: emu, sandbox });
  // Apps Script lists top-level functions; a name ending in "_" is private to the server.
  const functions = sandbox.topLevelFunctions().filter((f) => !f.endsWith('_')).sort();
  const users = o.users ?? [o.scenario.user ?? 'owner@example.com', 'raj@example.com'];
  let lost = 0;
  // The virtual clock starts at the scenario's last time and then follows real time.
  let lastTick = Date.now();
  const tick = () => {
    const now = Date.now();
    emu.clock.advance(Math.max(0, now - lastTick));
    lastTick = now;
  };
  const preview: Preview = {
    url: '',
    emu,
    sandbox,
    seeded,
    user: users[0],
    users,
    latencyMs: o.latencyMs ?? 0,
    rpcLog: [],
    loseResponses: (n) => {
      lost = n;
    },
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      // a browser keeps sockets open (keep-alive, preconnects): do not wait for them to time out
      server.closeAllConnections();
    }),
  };
  const openSheet = () => {
    tick();
    sandbox.trigger('onOpen', { authMode: 'LIMITED', user: preview.user });
  };
  openSheet();

  async function rpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { fn, args } = await body(req);
    const name = String(fn);
    if (!functions.includes(name)) return json(res, { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${name}` } });
    const list = Array.isArray(args) ? args : [];
    preview.rpcLog.push({ fn: name, args: list, user: preview.user });
    if (preview.latencyMs) await new Promise((r) => setTimeout(r, preview.latencyMs));
    tick();
    let answer: unknown;
    try {
      answer = { ok: true, value: toClient(sandbox.call(name, list, { user: preview.user })) };
    } catch (e) {
      answer = { ok: false, error: { name: 'ScriptError', message: errorText(e) } };
    }
    if (lost > 0) {
      lost--;
      return send(res, 502, 'text/plain', 'response lost (preview test hook)');
    }
    json(res, answer);
  }

  function menu(fn: string): unknown {
    const alerts = emu.ui.alerts.length;
    const sidebars = emu.ui.sidebars.length;
    let error: string | null = null;
    tick();
    try {
      sandbox.call(fn, [], { user: preview.user });
    } catch (e) {
      error = errorText(e);
    }
    const opened = emu.ui.sidebars.length > sidebars ? emu.ui.sidebars.length - 1 : -1;
    return {
      error,
      alerts: emu.ui.alerts.slice(alerts),
      sidebar: opened >= 0 ? { id: opened, title: emu.ui.sidebars[opened].title, file: emu.ui.sidebars[opened].file ?? '' } : null,
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html', readFileSync(join(HERE, 'page.html'), 'utf8'));
    if (req.method === 'GET' && path === '/page.js') return send(res, 200, 'text/javascript', readFileSync(join(HERE, 'page.js'), 'utf8'));
    const sidebar = /^\/sidebar\/(\d+)$/.exec(path);
    if (req.method === 'GET' && sidebar) {
      const rec = emu.ui.sidebars[Number(sidebar[1])];
      return rec ? send(res, 200, 'text/html', withShim(rec.content, functions)) : send(res, 404, 'text/plain', 'no such sidebar');
    }
    if (req.method === 'GET' && path === '/api/state') {
      return json(res, { user: preview.user, users, menus: emu.ui.menus, sheets: sheetsOf(emu), spreadsheet: emu.book.name });
    }
    if (req.method !== 'POST') return send(res, 404, 'text/plain', 'not found');
    if (path === '/rpc') return rpc(req, res);
    const b = await body(req);
    if (path === '/api/user') {
      if (!users.includes(String(b.user))) return json(res, { error: 'unknown user' }, 400);
      preview.user = String(b.user);
      return json(res, { user: preview.user });
    }
    if (path === '/api/open') {
      openSheet();
      return json(res, { menus: emu.ui.menus });
    }
    if (path === '/api/menu') return json(res, menu(String(b.fn)));
    if (path === '/api/edit') {
      // a person typing into a cell: the add-on is not told (writes never fire onEdit here)
      const sheet = emu.book.sheetByName(String(b.sheet));
      if (!sheet) return json(res, { error: 'no such sheet' }, 400);
      try {
        sheet.userEdit(Number(b.row), Number(b.col), String(b.text));
      } catch (e) {
        return json(res, { error: errorText(e) }, 400);
      }
      return json(res, { ok: true });
    }
    send(res, 404, 'text/plain', 'not found');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e) => send(res, 500, 'text/plain', errorText(e)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  preview.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return preview;
}
