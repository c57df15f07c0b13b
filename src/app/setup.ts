/** "Set up this sheet": create or repair every table, seed settings, log what was done. */
import type { Change } from '../domain/result';
import type { MessageKey, Translator } from '../domain/i18n';
import { SETTING_DEFAULTS } from '../sheets/schema';
import type { TableReport } from '../sheets/workbook';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { LANGUAGE_PROPERTY, languageOf } from './context';
import { LOCK_TIMEOUT_MS } from './write';
import { ProblemError, problem } from '../domain/result';

export interface SetupValue {
  tables: TableReport[];
  language: string;
}

export function setupSheet(ports: Ports, t: () => Translator): Outcome<SetupValue> {
  if (!ports.lock.tryAcquire(LOCK_TIMEOUT_MS)) throw new ProblemError([problem('busy')], true);
  try {
    const wb = ports.workbook;
    const tables = wb.setup(t());
    const tr = t();
    // Seed settings that are missing; a value a user typed is never overwritten.
    const present = new Set(wb.settingsStore().readAll().map((r) => r.value.key));
    const missing: Record<string, string> = {};
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) if (!present.has(key)) missing[key] = value;
    wb.settingsStore().write(missing, (key) => tr(`setting.${key}` as MessageKey));
    const language = languageOf(ports);
    ports.props.set(LANGUAGE_PROPERTY, language);

    const changes: Change[] = [];
    for (const r of tables) {
      const table = r.name;
      changes.push({ kind: r.created ? 'table_created' : 'table_checked', table: r.table, message: tr(r.created ? 'change.tableCreated' : 'change.tableRepaired', { table }) });
      for (const column of r.columnsAdded) changes.push({ kind: 'column_added', table: r.table, message: tr('change.columnAdded', { column, table }) });
    }
    wb.log().append([{
      time: ports.clock.now(), user: ports.identity.email(), level: 'info', event: 'setup',
      message: tr('log.setup', { summary: changes.map((c) => c.message).join('; ') }), details: '',
    }]);
    wb.flush();
    return { value: { tables, language }, changes };
  } finally {
    ports.lock.release();
  }
}
