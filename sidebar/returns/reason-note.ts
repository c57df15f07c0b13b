/**
 * The reason and note every return asks for, by whichever path it comes (an order's lines
 * or a parcel without one), and where the server's errors about a line go.
 */
import type { ErrorTarget } from '../kit/errors';
import { selectField, textField, type Field } from '../kit/fields';
import type { T } from '../kit/strings';

export interface ReasonAndNote {
  reason: Field<HTMLSelectElement>;
  note: Field;
  /** false (with the error shown and the focus on it) when no reason was chosen */
  chosen(): boolean;
  /** the target of an error about the reason or the note, null for any other */
  target(field: string, line?: number): ErrorTarget | null;
}

export function reasonAndNote(t: T, reasons: readonly (readonly [code: string, label: string])[]): ReasonAndNote {
  const reason = selectField({ label: t('field.reason'), name: 'reason', value: '', options: [['', t('form.returns.reasonChoose')], ...reasons.map(([c, l]): [string, string] => [c, l])] });
  const note = textField({ label: t('field.note'), name: 'note' });
  return {
    reason,
    note,
    chosen() {
      if (reason.input.value) return true;
      reason.error(t('err.required'));
      reason.input.focus();
      return false;
    },
    target(field, line) {
      if (line !== undefined) return null;
      if (field === 'reason') return { error: reason.error, focusable: reason.input };
      if (field === 'note') return { error: note.error, focusable: note.input };
      return null;
    },
  };
}

/** An error about a whole line (not one of its inputs): shown under it, focus on its quantity. */
export function lineMessage(el: HTMLElement, focusable: HTMLElement): ErrorTarget {
  return {
    error(m) {
      el.textContent = m ?? '';
      el.hidden = !m;
    },
    focusable,
  };
}
