/**
 * Write-off and move panels: the lines (stock/places.ts), then for a write-off the reason
 * (the labelled write-off reasons) and a note, for a move a note. What will change is said
 * before the button; what changed after (the server's change messages).
 */
import type { MoveRequest, ReceiveFormData, WriteOffRequest } from '../api';
import { h } from '../kit/dom';
import { selectField, textField } from '../kit/fields';
import { button, section, type Page } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';
import { WRITE_OFF_REASONS } from '../../src/domain/returns/rules';
import { placeLines, type PlaceDraft } from './places';

export interface AdjustPanel {
  root: HTMLElement;
  focus(): void;
  submit(): Promise<void>;
}

export function adjustPanel(p: Page, t: T, data: ReceiveFormData, mode: 'writeOff' | 'move'): AdjustPanel {
  const move = mode === 'move';
  const send = submission(p, move ? 'mv' : 'wo');
  const preview = h('ul', { class: 'list preview', 'aria-live': 'polite' });
  const places = placeLines(t, data, move, () => {
    send.reset();
    refresh();
  });
  const reason = selectField({ label: t('field.reason'), name: 'reason', value: 'damaged', options: WRITE_OFF_REASONS.map((r): [string, string] => [r, t(`writeOffReason.${r}` as UiKey)]) });
  const note = textField({ label: t('field.note'), name: 'note' });
  for (const f of [reason, note]) {
    f.input.addEventListener('input', () => {
      f.error(null);
      send.reset();
      refresh();
    });
  }

  function describe(d: PlaceDraft): string {
    const from = { qty: d.qty.input.value.trim() || '?', sku: d.sku, bin: d.bin, state: t(`state.${d.state}` as UiKey) };
    if (!move) return t('form.stock.previewWriteOff', { ...from, reason: t(`writeOffReason.${reason.input.value}` as UiKey) });
    const toState = (d.toState?.input.value ?? d.state) as string;
    return t('form.stock.previewMove', { ...from, toBin: d.toBin?.input.value.trim().toUpperCase() || d.bin, toState: t(`state.${toState}` as UiKey) });
  }

  function refresh(): void {
    const lines = places.lines();
    preview.replaceChildren(...(lines.length ? lines.map((d) => h('li', {}, describe(d))) : [h('li', { class: 'muted' }, t('form.stock.previewNone'))]));
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    places.clearErrors();
    reason.error(null);
    note.error(null);
    if (!places.flush()) return;
    const lines = places.lines();
    if (!lines.length) {
      p.messages.show('error', t('form.stock.noneToSend'));
      places.focus();
      return;
    }
    const where = (d: PlaceDraft) => ({ sku: d.sku, bin: d.bin, state: d.state, lot: d.lot, qty: d.qty.input.value.trim() });
    const r = move
      ? await send.send(t('form.busy.saving'), 'moveStock', (requestId): [MoveRequest] => [{
        requestId, note: note.input.value.trim(),
        lines: lines.map((d) => ({ ...where(d), toBin: d.toBin?.input.value.trim() ?? '', toState: d.toState?.input.value ?? '' })),
      }])
      : await send.send(t('form.busy.saving'), 'writeOff', (requestId): [WriteOffRequest] => [{
        requestId, reason: reason.input.value, note: note.input.value.trim(), lines: lines.map(where),
      }]);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field, line) => {
        if (line === undefined && field === 'reason') return { error: reason.error, focusable: reason.input };
        if (line === undefined && field === 'note') return { error: note.error, focusable: note.input };
        return places.target(field, line);
      }, places.errorText);
    }
    showChanges(p, t(move ? 'form.stock.moved' : 'form.stock.writtenOff'), r.changes);
    places.clear();
    note.input.value = '';
    refresh();
    places.focus();
  }

  const root = h('div', { 'data-panel': mode },
    places.root,
    h('section', { class: 'section' }, move ? null : reason.root, note.root),
    section(t('form.stock.previewTitle'), preview),
    h('div', { class: 'buttons' },
      button(t(move ? 'form.stock.moveSubmit' : 'form.stock.writeOffSubmit'), () => void submit(), 'action', { 'data-action': move ? 'move' : 'write-off' }),
      h('span', { class: 'hint' }, t('form.shortcut'))));
  refresh();
  return { root, focus: places.focus, submit };
}
