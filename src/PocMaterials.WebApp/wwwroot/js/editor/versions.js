// A material's versions, newest first: each older one with its difference from the latest and a way to
// put it back (as a new version).
import { request, api } from '../api.js';
import { h, dateNl } from '../dom.js';
import { conflict, ifMatch, loadSource, materialPath, refusal, showErrors, unsaved } from './save.js';

const when = (iso) => `${dateNl(iso)} ${new Date(iso).toLocaleTimeString('nl-BE', { hour: '2-digit', minute: '2-digit' })}`;

// The versions of the material a page edits (form: see save.js): a section to show, and load() to fill it.
export function versionList(form) {
  const versions = h('div');
  const diff = h('div', { 'aria-live': 'polite' });

  async function showDiff(from, to) {
    const response = await request(`${materialPath(form)}/diff?from=${from}&to=${to}`, { headers: { Accept: 'text/plain, text/x-diff' } });
    const lines = (await response.text()).split('\n');
    diff.replaceChildren(h('h3', null, `Verschil tussen versie ${from} en ${to}`),
      h('pre', { class: 'diff', tabindex: '0', 'aria-label': `Verschil tussen versie ${from} en ${to}` },
        lines.map((line) => h('span', { class: line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : null }, line + '\n'))));
  }

  async function restore(number) {
    if (unsaved(form) && !confirm(`Je wijzigingen zijn nog niet opgeslagen. Versie ${number} terugzetten en ze weggooien?`)) return;
    form.status.textContent = `Versie ${number} terugzetten…`;
    try {
      // With the version this page loaded: a newer one by someone else is not replaced unseen.
      const response = await request(`${materialPath(form)}/versions/${number}/restore`, { method: 'POST', headers: ifMatch(form.etag) });
      const { version } = await response.json();
      await loadSource(form);
      form.status.textContent = `Versie ${number} is teruggezet als versie ${version}.`;
      load();
    } catch (error) {
      form.status.textContent = '';
      const changed = 'Iemand anders heeft dit materiaal gewijzigd sinds je het opende. Er werd niets teruggezet.';
      if (error.status === 422) showErrors(form, error.problem);
      else if (error.status === 412) conflict(form, changed);
      else refusal(form, 'Terugzetten is mislukt; probeer het opnieuw.');
    }
  }

  async function load() {
    const list = await api(materialPath(form) + '/versions');
    const latest = list[0]?.number;
    const actions = (v) => v.number !== latest && [
      h('button', { type: 'button', class: 'secondary', onclick: () => showDiff(v.number, latest) }, `Verschil met ${latest}`),
      v.eTag && h('button', { type: 'button', class: 'secondary', onclick: () => restore(v.number) }, 'Zet terug')];
    versions.replaceChildren(h('table', { class: 'table', tabindex: '0' }, // focusable: it scrolls sideways on a phone
      h('caption', { class: 'visually-hidden-heading' }, 'Versies, nieuwste eerst'),
      h('thead', null, h('tr', null, ['Versie', 'Door', 'Wanneer', 'Wat', 'Acties'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, list.map((v) => h('tr', null,
        h('td', null, String(v.number)), h('td', null, v.author), h('td', null, when(v.createdAt)), h('td', null, v.summary),
        h('td', { class: 'actions' }, actions(v)))))));
  }

  return {
    section: h('section', { 'aria-labelledby': 'versies-titel' }, h('h2', { id: 'versies-titel' }, 'Versies'), versions, diff),
    load,
  };
}
