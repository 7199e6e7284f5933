// A material's versions, newest first, by name and Dutch date; two of them side by side (by default the previous and
// the current) with the changed words marked, and the older one put back (as a new version) from there.
import { request, api } from '../api.js';
import { h } from '../dom.js';
import { conflict, failed, ifMatch, loadSource, materialPath, refusal, unsaved } from './save.js';
import { comparison } from './side-by-side.js';
import { momentNl } from '../dates.js';
import { authorNl, summaryNl, versionLabel } from './version-words.js';

const heading = (version, age) => `Versie ${version.number} (${age}) · ${authorNl(version)} · ${momentNl(version.createdAt)}`;

// The versions of the material a page edits (form: see save.js): a section to show, and load() to fill it.
export function versionList(form) {
  const table = h('div');
  const older = h('select', { id: 'versie-oud' });
  const newer = h('select', { id: 'versie-nieuw' });
  const restoreButton = h('button', { type: 'button', class: 'secondary', onclick: () => restore(Number(older.value)) });
  const result = h('div', { id: 'versies-naast-elkaar' });
  const choice = h('div', { class: 'version-choice', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'versie-oud' }, 'Oude versie (links)'), older),
    h('div', { class: 'field' }, h('label', { for: 'versie-nieuw' }, 'Nieuwe versie (rechts)'), newer),
    restoreButton);
  const status = h('p', { role: 'status', class: 'muted' });
  let list = [];
  // A version's text never changes: each is fetched once. A removal has none (410): it compares as empty.
  const texts = new Map();
  let shown = 0;

  const textOf = (number) => {
    if (!texts.has(number)) {
      texts.set(number, request(`${materialPath(form)}/versions/${number}`, { headers: { Accept: 'text/plain' } })
        .then((response) => response.text(), (error) => {
          texts.delete(number);
          if (error.status === 410) return '';
          throw error;
        }));
    }
    return texts.get(number);
  };

  async function compare() {
    const [a, b] = [older, newer].map((select) => list.find((v) => v.number === Number(select.value)));
    const asked = ++shown;
    restoreButton.hidden = a.number === list[0].number || !a.eTag;
    restoreButton.textContent = `Zet deze versie terug (versie ${a.number})`;
    status.textContent = `Versie ${a.number} en versie ${b.number} laden…`;
    try {
      const [oldText, newText] = await Promise.all([textOf(a.number), textOf(b.number)]);
      if (asked !== shown) return; // another choice was made meanwhile
      result.replaceChildren(comparison(oldText, newText, heading(a, 'oud'), heading(b, 'nieuw')));
      status.textContent = `Versie ${a.number} en versie ${b.number} staan naast elkaar.`;
    } catch {
      if (asked === shown) status.textContent = 'Deze versies konden niet geladen worden. Probeer het opnieuw.';
    }
  }

  function choose(number) {
    older.value = String(number);
    newer.value = String(list[0].number);
    compare();
    older.focus();
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
      await load();
    } catch (error) {
      form.status.textContent = '';
      // In Dutch by the problem's code: a version that would break the material now says which rule (422).
      const refusals = {
        'not-found': `Versie ${number} kan niet teruggezet worden: ze bestaat niet (meer) of ze was een verwijdering.`,
        'precondition-failed': 'Iemand anders heeft dit materiaal gewijzigd sinds je het opende. Er werd niets teruggezet.',
      };
      const code = error.problem?.code;
      if (code === 'precondition-failed') conflict(form, refusals[code]);
      else if (refusals[code]) refusal(form, refusals[code]);
      else if (error.problem?.fieldErrors?.length) refusal(form, `Versie ${number} is niet teruggezet: ${failed(error)}`);
      else refusal(form, failed(error, 'Terugzetten is mislukt. Probeer het opnieuw.'));
    }
  }

  async function load() {
    list = await api(materialPath(form) + '/versions');
    const latest = list[0]?.number;
    // On a phone each row is a card, its cells named by data-label (see app.css): nothing scrolls sideways.
    const cell = (label, text) => h('td', { 'data-label': label }, text);
    table.replaceChildren(h('table', { class: 'table version-table' },
      h('caption', { class: 'visually-hidden-heading' }, 'Versies, nieuwste eerst'),
      h('thead', null, h('tr', null, ['Versie', 'Door', 'Wanneer', 'Wat', 'Vergelijken'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, list.map((v) => h('tr', null,
        cell('Versie', String(v.number)), cell('Door', authorNl(v)), cell('Wanneer', momentNl(v.createdAt)),
        cell('Wat', summaryNl(v.summary)),
        h('td', null, v.number !== latest && h('button', { type: 'button', class: 'link', onclick: () => choose(v.number) },
          `Versie ${v.number} naast de huidige`)))))));
    const options = () => list.map((v) => h('option', { value: String(v.number) }, versionLabel(v)));
    older.replaceChildren(...options());
    newer.replaceChildren(...options());
    choice.hidden = list.length < 2;
    if (list.length < 2) {
      result.replaceChildren(h('p', { class: 'muted' },
        list.length ? 'Er is nog maar één versie: er is niets om te vergelijken.' : 'Er zijn nog geen versies bewaard.'));
      return;
    }
    older.value = String(list[1].number);
    newer.value = String(latest);
    await compare();
  }

  older.addEventListener('change', compare);
  newer.addEventListener('change', compare);

  return {
    section: h('section', { 'aria-labelledby': 'versies-titel' }, h('h2', { id: 'versies-titel' }, 'Versies'), table,
      h('h3', null, 'Twee versies naast elkaar'), choice, status, result),
    load,
  };
}
