/** Help sidebar: a short guide and what each tab is for. No links: everything is here. */
import { call } from '../rpc';
import { h } from '../kit/dom';
import { load, page, section, useStrings } from '../kit/page';
import { capitalize, translator, type UiKey } from '../kit/strings';

const STEPS: UiKey[] = ['form.help.step1', 'form.help.step2', 'form.help.step3', 'form.help.step4', 'form.help.step5'];

/** The catalogue's tab texts start with the tab's name ("Items: one row per..."), which the list already shows. */
function withoutName(name: string, text: string): string {
  return text.startsWith(name) ? capitalize(text.slice(name.length).replace(/^\s*:\s*/, '')) : text;
}

async function main(): Promise<void> {
  const p = page('help');
  const both = await load(p, async () => {
    const [ui, help] = await Promise.all([call('getUiStrings'), call('getHelp')]);
    if (!ui.ok) return ui;
    if (!help.ok) return help;
    return { ok: true as const, value: { ui: ui.value, help: help.value }, changes: [] };
  });
  if (!both) return;
  const { ui, help } = both;
  const t = translator(ui.strings);
  useStrings(t);
  document.documentElement.lang = ui.language;
  p.body.append(
    h('h2', { class: 'section-title' }, help.title),
    section(t('form.help.guideTitle'), h('ol', { class: 'guide' }, STEPS.map((k) => h('li', {}, t(k))))),
    section(t('form.help.tabsTitle'), h('dl', { class: 'help' }, help.sections.map((s) => [h('dt', {}, s.name), h('dd', {}, withoutName(s.name, s.text))]))),
  );
}

void main();
