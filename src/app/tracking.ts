/**
 * Carrier tracking through a tracking API (17TRACK, Ship24 or AfterShip, chosen in
 * Settings). Shipments not delivered and not expired are refreshed, oldest check first, in
 * batches of the provider's size sent in parallel with fetchAll, within the provider's rate
 * and the run's time budget; what is left waits for the next run (the oldest-checked-first
 * order is the cursor). Network and reading happen outside the lock; the writes under it.
 */
import { ProblemError, problem, type Change } from '../domain/result';
import { cleanText } from '../domain/text';
import {
  PROVIDERS, batchForRequest, mergePhaseResults, planBatches, providerFor,
  type ProviderId, type TrackingNumberInput, type TrackingProvider, type TrackingResult,
} from '../domain/tracking';
import { carrierInfo } from '../domain/carriers/carriers';
import type { MessageKey, Translator } from '../domain/i18n';
import type { ShipmentRow } from '../sheets/order-stores';
import type { Located } from '../sheets/stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite } from './write';
import { notifyStatusChanges } from './tracking-emails';

const KEY_PREFIX = 'tracking_key:';
const DONE = ['delivered', 'expired'];

function keyOf(ports: Ports, provider: string): string {
  return ports.props.get(KEY_PREFIX + provider) ?? '';
}

function masked(key: string): string {
  return key ? '••••' + key.slice(-4) : '';
}

export interface TrackingSettingsValue {
  provider: string;
  providers: { id: ProviderId; keySaved: string }[];
}

export function getTrackingSettings(ports: Ports): Outcome<TrackingSettingsValue> {
  return {
    value: {
      provider: ports.workbook.settings().tracking_provider ?? '',
      providers: PROVIDERS.map((p) => ({ id: p.id, keySaved: masked(keyOf(ports, p.id)) })),
    },
    changes: [],
  };
}

function providerOf(raw: unknown): TrackingProvider {
  const id = cleanText(raw);
  const p = providerFor(id);
  if (!p) throw new ProblemError([problem('invalid_choice', 'provider', undefined, { value: id, choices: PROVIDERS.map((x) => x.id).join(', ') })]);
  return p;
}

/** API keys live in document properties, written only here, never in a cell or a log. */
export function saveTrackingKey(ports: Ports, payload: { provider?: unknown; apiKey?: unknown }, t: Translator): Outcome<TrackingSettingsValue> {
  const p = providerOf(payload?.provider);
  const key = cleanText(payload?.apiKey);
  if (!key) throw new ProblemError([problem('required', 'apiKey')]);
  if (key.length > 500 || /\s/.test(key)) throw new ProblemError([problem('invalid_text', 'apiKey')]);
  ports.props.set(KEY_PREFIX + p.id, key);
  const value = getTrackingSettings(ports).value;
  return { value, changes: [{ kind: 'key_saved', message: t('tracking.keySaved', { provider: p.id, key: masked(key) }) }] };
}

export function testTrackingConnection(ports: Ports, payload: { provider?: unknown; apiKey?: unknown }, t: Translator): Outcome<{ ok: boolean; message: string }> {
  const p = providerOf(payload?.provider);
  const key = cleanText(payload?.apiKey) || keyOf(ports, p.id);
  if (!key) throw new ProblemError([problem('required', 'apiKey')]);
  if (!ports.http) throw new ProblemError([problem('internal', '', undefined, { detail: 'UrlFetchApp unavailable' })]);
  const [response] = ports.http.fetchAll([p.testConnection(key)]);
  const r = p.parseTestConnection(response);
  return { value: { ok: r.ok, message: t(r.ok ? 'tracking.testOk' : 'tracking.testFailed', { provider: p.id, status: response.status }) }, changes: [] };
}

export interface RefreshValue {
  checked: number;
  changed: number;
  left: number;
  errors: number;
  stopped: string;
}

/** One refresh run. `deadline` is the time the dispatcher stops starting work. */
export function refreshTracking(ports: Ports, t: Translator, deadline: number): RefreshValue {
  const wb = ports.workbook;
  const providerId = wb.settings().tracking_provider ?? '';
  const provider = providerFor(providerId);
  const none: RefreshValue = { checked: 0, changed: 0, left: 0, errors: 0, stopped: '' };
  if (!provider) return { ...none, stopped: t('tracking.noProvider') };
  const key = keyOf(ports, provider.id);
  if (!key) return { ...none, stopped: t('tracking.noKey', { provider: provider.id }) };
  if (!ports.http) return { ...none, stopped: t('tracking.noHttp') };

  const due = wb.shipments().readAll()
    .filter((s) => s.value.trackingNumber && !DONE.includes(s.value.trackingStatus))
    .sort((a, b) => (a.value.lastChecked ?? 0) - (b.value.lastChecked ?? 0));
  const inputs: TrackingNumberInput[] = due.map((s) => ({ number: s.value.trackingNumber, carrier: carrierCode(s.value.carrier) }));
  const batches = planBatches(inputs, provider.maxPerCall);
  const results: TrackingResult[] = [];
  let stopped = '';
  // Keep each fetchAll within the provider's requests per second, one second apart.
  const perWave = Math.max(1, Math.floor(provider.requestsPerSecond / Math.max(1, provider.requests(batches[0] ?? [], key).reduce((a, ph) => Math.max(a, ph.length), 1))));
  let done = 0;
  for (let w = 0; w < batches.length && !stopped; w += perWave) {
    if (ports.clock.now() >= deadline) {
      stopped = t('tracking.budget');
      break;
    }
    const wave = batches.slice(w, w + perWave);
    const plans = wave.map((b) => provider.requests(b, key));
    const phases = Math.max(...plans.map((p) => p.length));
    const perPhase: TrackingResult[][][] = wave.map(() => []);
    for (let phase = 0; phase < phases && !stopped; phase++) {
      const flat = plans.flatMap((p, i) => (p[phase] ?? []).map((req, j) => ({ batch: i, index: j, count: (p[phase] ?? []).length, req })));
      let responses = ports.http.fetchAll(flat.map((f) => f.req));
      let outcomes = flat.map((f, k) => provider.parse(phase, batchForRequest(f.count, wave[f.batch], f.index), responses[k]));
      const wait = Math.max(0, ...outcomes.map((o) => o.retryAfterMs ?? 0));
      if (wait > 0 && ports.clock.now() + wait < deadline) {
        // Rate limited: wait as the provider asks, once, then send the same requests again.
        ports.http.sleep(wait);
        responses = ports.http.fetchAll(flat.map((f) => f.req));
        outcomes = flat.map((f, k) => provider.parse(phase, batchForRequest(f.count, wave[f.batch], f.index), responses[k]));
      }
      const fatal = outcomes.find((o) => o.fatal)?.fatal;
      if (fatal) stopped = t(`tracking.fatal.${fatal.code}` as MessageKey, { provider: provider.id });
      else if (outcomes.some((o) => o.retryAfterMs)) stopped = t('tracking.rateLimited', { provider: provider.id });
      flat.forEach((f, k) => perPhase[f.batch].push(outcomes[k].results));
    }
    if (stopped) break;
    wave.forEach((b, i) => results.push(...mergePhaseResults(b, perPhase[i])));
    done += wave.reduce((a, b) => a + b.length, 0);
    if (w + perWave < batches.length) ports.http.sleep(1000);
  }
  const changed = writeResults(ports, t, due, results);
  return { checked: results.length, changed, left: inputs.length - done, errors: results.filter((r) => r.error).length, stopped };
}

function carrierCode(carrier: string): string | undefined {
  const c = carrier.trim().toLowerCase();
  return carrierInfo(c)?.code ?? undefined;
}

function eventText(r: TrackingResult): string {
  const e = r.lastEvent;
  return e ? [e.time ?? '', e.place, e.text].filter(Boolean).join(' · ') : '';
}

/** Results into the Shipments tab and the orders, under the lock; customer emails after. */
function writeResults(ports: Ports, t: Translator, due: Located<ShipmentRow>[], results: TrackingResult[]): number {
  if (results.length === 0) return 0;
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const now = ports.clock.now();
    const rows = wb.shipments().readAll();
    const byNumber = new Map<string, TrackingResult>();
    for (const r of results) byNumber.set(r.number.replace(/[\s-]/g, '').toUpperCase(), r);
    const updates: Parameters<ReturnType<typeof wb.shipments>['updateMany']>[0] = [];
    const changedRows: ShipmentRow[] = [];
    const delivered = new Set<string>();
    for (const { row, value: s } of rows) {
      const r = byNumber.get(s.trackingNumber.replace(/[\s-]/g, '').toUpperCase());
      if (!r || !due.some((d) => d.row === row)) continue;
      if (r.error) {
        updates.push({ row, fields: { lastChecked: now, lastEvent: t(`trackErr.${r.error.code}` as MessageKey) } });
        continue;
      }
      const status = r.status ?? s.trackingStatus;
      const deliveredAt = r.deliveredAt ? Date.parse(r.deliveredAt) : NaN;
      updates.push({ row, fields: { trackingStatus: status, lastEvent: eventText(r) || s.lastEvent, lastChecked: now, ...(status === 'delivered' ? { deliveredAt: Number.isFinite(deliveredAt) ? deliveredAt : now } : {}) } });
      if (status !== s.trackingStatus) changedRows.push({ ...s, trackingStatus: status, lastEvent: eventText(r) });
      if (status === 'delivered') delivered.add(s.shipmentId);
    }
    wb.shipments().updateMany(updates);
    if (delivered.size) {
      const orders = wb.orders();
      const lines = orders.readAll();
      orders.updateMany(lines.filter((l) => delivered.has(l.value.shipmentId) && l.value.status === 'shipped').map((l) => ({ row: l.row, fields: { status: 'delivered' as const } })));
    }
    const changes: Change[] = [];
    notifyStatusChanges(session, changedRows, t, changes);
    return changedRows.length;
  });
}

/** "Refresh tracking now" from the menu: the same refresh, one Log row. */
export function refreshTrackingNow(ports: Ports, t: Translator, budgetMs: number): Outcome<RefreshValue> {
  const start = ports.clock.now();
  const value = refreshTracking(ports, t, start + budgetMs);
  const message = t('tracking.summary', { checked: value.checked, changed: value.changed, left: value.left, errors: value.errors }) + (value.stopped ? ' ' + value.stopped : '');
  ports.workbook.log().append([{ time: start, user: ports.identity.email(), level: value.stopped ? 'warning' : 'info', event: 'tracking', message, details: JSON.stringify(value) }]);
  return { value, changes: [{ kind: 'tracking_refreshed', message }] };
}
