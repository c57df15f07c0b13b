/**
 * The carrier of one parcel: a select ("detect from the number" by default, or a carrier
 * chosen by the user) and, as the tracking number is typed, the carriers the number could
 * belong to, best first (detectCarrier on the server, debounced): name, check digit and
 * confidence. The best one is preselected; the user may pick another or choose in the select.
 */
import type { CarrierCandidate, DetectValue, RpcResult } from '../api';
import { fill, h, uid } from '../kit/dom';
import { selectField, type Field } from '../kit/fields';
import type { T } from '../kit/strings';

export const DETECT_DELAY_MS = 300;

export interface CarrierChoice {
  select: Field<HTMLSelectElement>;
  candidates: HTMLElement;
  /** the number changed: detect again after a pause in typing */
  numberChanged(number: string): void;
  /** the carrier to send: the user's choice in the select, else the chosen candidate, else '' */
  value(): string;
}

export function candidateText(t: T, c: CarrierCandidate): string {
  const check = c.checkDigitValid === true ? t('form.ship.checkOk') : c.checkDigitValid === false ? t('form.ship.checkBad') : t('form.ship.checkNone');
  return t('form.ship.candidate', { name: c.service ? `${c.name} ${c.service}` : c.name, check, confidence: Math.round(c.confidence * 100) });
}

export function carrierChoice(t: T, carriers: { code: string; name: string }[], detect: (n: string) => Promise<RpcResult<DetectValue>>): CarrierChoice {
  const select = selectField({
    label: t('field.carrier'), name: 'carrier', value: '',
    options: [['', t('form.ship.detect')], ...carriers.map((c): [string, string] => [c.code, c.name])],
  });
  const group = uid('cand');
  const candidates = h('div', { class: 'candidates', role: 'radiogroup', 'aria-label': t('form.ship.candidates'), 'aria-live': 'polite', hidden: true });
  let timer: number | undefined;
  /** only the answer to the latest number counts (an older, slower answer is dropped) */
  let asked = 0;

  function render(list: CarrierCandidate[]): void {
    candidates.hidden = false;
    if (!list.length) return fill(candidates, h('p', { class: 'hint', 'data-candidates': 'none' }, t('form.ship.noCandidate')));
    fill(candidates, list.slice(0, 4).map((c, i) => h('label', { class: 'candidate', 'data-carrier': c.carrier },
      h('input', { type: 'radio', name: group, value: c.carrier, checked: i === 0 }),
      h('span', {}, candidateText(t, c)))));
  }

  function numberChanged(number: string): void {
    window.clearTimeout(timer);
    const n = number.trim();
    asked++;
    if (!n) {
      candidates.hidden = true;
      fill(candidates);
      return;
    }
    const mine = asked;
    timer = window.setTimeout(() => {
      void detect(n).then((r) => {
        if (mine !== asked) return;
        render(r.ok ? r.value.candidates : []);
      });
    }, DETECT_DELAY_MS);
  }

  select.input.addEventListener('change', () => {
    // a carrier chosen by hand overrides the guess: the guesses step back
    candidates.classList.toggle('overridden', select.input.value !== '');
  });

  return {
    select,
    candidates,
    numberChanged,
    value: () => select.input.value || candidates.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value || '',
  };
}
