// /redactie/taxonomie: every list of taxonomy.yml (types, core processes, domains, roles, centres and the glossary of
// acronyms and corridor words) as a form: add a term, rename its label, edit its aliases. Ids stay: a rename changes the
// label. A term a material still uses cannot be removed: the page says which materials. A centre also has its number of
// staff, from which the school-year report says which share of them was reached.
import { h, show, titled } from '../dom.js';
import { editorOnly } from '../shell.js';
import { load, save, refusal, field, status, words, removeButton } from '../definitions/forms.js';

const lists = {
  types: ['Soorten materiaal', 'Elk materiaal heeft één soort.'],
  core_processes: ['Kernprocessen', ''],
  domains: ['Begeleidingsdomeinen', ''],
  roles: ['Rollen', 'Wie een materiaal mag zien; CLB-medewerker is iedereen.'],
  centres: ['Centra', ''],
  glossary: ['Woordenlijst', 'Afkortingen en woorden uit de wandelgang: zoeken op een alias vindt wat het label noemt.'],
};
const labels = { id: 'Id', label: 'Label', aliases: 'Aliassen en afkortingen', staff: 'Aantal medewerkers' };
const source = '/api/taxonomy/terms';

// Only a centre has staff; left empty, the report shows no share for it.
const staffField = (list, key, value) => list === 'centres' && field(key + '-staff', labels.staff,
  h('input', { id: key + '-staff', name: 'staff', inputmode: 'numeric', value: value ?? '',
    'aria-describedby': key + '-staff-hulp' }), 'Voor het jaarverslag: welk deel van hen bereikt werd. Leeg: onbekend.');
const staffOf = (list, form) => list === 'centres' ? { staff: form.elements.staff.value } : {};

function termRow(list, term) {
  const key = `${list}-${term.id}`;
  const message = status(key + '-status');
  const form = h('form', { class: 'term', 'data-term': term.id, onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      const body = { label: form.elements.label.value, aliases: words(form.elements.aliases.value), ...staffOf(list, form) };
      await save(`/api/taxonomy/terms/${list}/${encodeURIComponent(term.id)}`, { body, from: source });
      message.textContent = 'Bewaard.';
    } catch (error) {
      message.replaceChildren(refusal(error));
    }
  } },
  h('p', { class: 'muted' }, 'Id: ' + term.id),
  field(key + '-label', labels.label, h('input', { id: key + '-label', name: 'label', value: term.label, required: true })),
  field(key + '-aliases', labels.aliases, h('input', { id: key + '-aliases', name: 'aliases', value: term.aliases.join(', '),
    'aria-describedby': key + '-aliases-hulp' }), 'Gescheiden door komma’s'),
  staffField(list, key, term.staff),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Bewaar'),
    removeButton(term.label, async () => {
      message.replaceChildren();
      try {
        await save(`/api/taxonomy/terms/${list}/${encodeURIComponent(term.id)}`, { method: 'DELETE', from: source });
        form.remove();
      } catch (error) {
        message.replaceChildren(refusal(error));
      }
    })),
  message);
  return h('li', { class: 'card' }, form);
}

function addForm(list) {
  const key = 'nieuw-' + list;
  const message = status(key + '-status');
  const form = h('form', { class: 'term', onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      const body = { id: form.elements.id.value, label: form.elements.label.value, aliases: words(form.elements.aliases.value),
        ...staffOf(list, form) };
      await save(`/api/taxonomy/terms/${list}`, { method: 'POST', body, from: source });
      location.reload();
    } catch (error) {
      message.replaceChildren(refusal(error));
    }
  } },
  h('h3', null, 'Term toevoegen'),
  field(key + '-id', labels.id, h('input', { id: key + '-id', name: 'id', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*',
    'aria-describedby': key + '-id-hulp' }), 'Kleine letters en koppeltekens; blijft altijd hetzelfde'),
  field(key + '-label', labels.label, h('input', { id: key + '-label', name: 'label', required: true })),
  field(key + '-aliases', labels.aliases, h('input', { id: key + '-aliases', name: 'aliases' })),
  staffField(list, key),
  h('button', { type: 'submit', class: 'secondary' }, 'Voeg toe'), message);
  return h('div', { class: 'card' }, form);
}

editorOnly().then(async () => {
  titled('Taxonomie');
  const terms = (await load(source)).lists;
  show(h('h1', null, 'Taxonomie'),
    h('p', null, 'De lijsten waarmee materialen beschreven en gevonden worden. Een id verandert nooit; het label wel.'),
    h('nav', { 'aria-label': 'Lijsten' }, h('ul', { class: 'tags' },
      Object.entries(lists).map(([list, [title]]) => h('li', null, h('a', { href: '#' + list }, title))))),
    // Each list folds open (the types first, or the one the address names): all of them open is a very long page.
    Object.entries(lists).map(([list, [title, help]]) => h('details', { id: list, class: 'list-section',
      open: location.hash === '#' + list || (list === 'types' && !location.hash) },
    h('summary', null, h('h2', null, `${title} (${(terms[list] ?? []).length})`)), help && h('p', { class: 'muted' }, help),
    h('ul', { class: 'grid' }, (terms[list] ?? []).map((term) => termRow(list, term))),
    addForm(list))));
  // A link of the list above opens its list.
  addEventListener('hashchange', () => document.getElementById(location.hash.slice(1))?.setAttribute('open', ''));
});
