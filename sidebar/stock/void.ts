/**
 * Voiding a movement by its id (the Ledger's movement_id column, or "Explain this number"):
 * reversal rows are added, the row itself is never edited; both rows of a move go together.
 */
import type { VoidRequest } from '../api';
import { h } from '../kit/dom';
import { textField, type Field } from '../kit/fields';
import type { Page } from '../kit/page';
import type { T } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';

export interface VoidPanel {
  root: HTMLElement;
  focus(): void;
}

export function voidPanel(p: Page, t: T): VoidPanel {
  const send = submission(p, 'void');
  const fields: Record<'movementId' | 'note', Field> = {
    movementId: textField({ label: t('field.movementId'), name: 'movementId', placeholder: 'M00000001' }),
    note: textField({ label: t('field.note'), name: 'note', hint: t('form.void.noteHint') }),
  };
  for (const f of Object.values(fields)) {
    f.input.addEventListener('input', () => {
      f.error(null);
      send.reset();
    });
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    Object.values(fields).forEach((f) => f.error(null));
    const id = fields.movementId.input.value.trim().toUpperCase();
    if (!id) {
      fields.movementId.error(t('err.required'));
      fields.movementId.input.focus();
      return;
    }
    const r = await send.send(t('form.busy.saving'), 'voidMovement', (requestId): [VoidRequest] => [{ requestId, movementId: id, note: fields.note.input.value.trim() }]);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field) => {
        const f = field === 'note' ? fields.note : fields.movementId;
        return { error: f.error, focusable: f.input };
      });
    }
    showChanges(p, t('form.void.done'), r.changes);
    fields.movementId.input.value = '';
    fields.note.input.value = '';
  }

  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void submit();
    },
  },
  h('p', { class: 'muted' }, t('form.void.intro')),
  fields.movementId.root, fields.note.root,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'action', 'data-action': 'void' }, t('form.void.submit'))));
  return { root: h('div', { 'data-panel': 'void' }, form), focus: () => fields.movementId.input.focus() };
}
