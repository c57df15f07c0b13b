import type { MessageKey, Translator } from '../domain/i18n';
import { TABLE_IDS, type TableId } from '../sheets/schema';
import type { Outcome } from './rpc';

export interface HelpValue {
  title: string;
  sections: { table: TableId; name: string; text: string }[];
}

export function getHelp(t: Translator): Outcome<HelpValue> {
  return {
    value: {
      title: t('help.title'),
      sections: TABLE_IDS.map((table) => ({ table, name: t(`table.${table}` as MessageKey), text: t(`help.${table}` as MessageKey) })),
    },
    changes: [],
  };
}
