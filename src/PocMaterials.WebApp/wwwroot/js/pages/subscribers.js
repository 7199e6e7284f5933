// /redactie/abonnees?q=&pagina=: the POC-a-tizer's subscribers: search by address or name, page through, add one,
// unsubscribe one, and import a CSV file after a preview of what it would do (its errors, or the counts), written only
// when the editor presses "Importeer".
import { api, request } from '../api.js';
import { h, show, titled, dateNl, fileChoice } from '../dom.js';
import { editorOnly } from '../shell.js';
import { field, status } from '../definitions/forms.js';
import { importErrorPlace, importErrorSentence } from '../messages.js';

const pageSize = 25;
const query = new URLSearchParams(location.search);
const q = query.get('q') ?? '';
const page = Math.max(1, Number(query.get('pagina')) || 1);
const importError = (e) => h('li', null, h('strong', null, importErrorPlace(e) + ': '), importErrorSentence(e));
const counts = (c) => `${c.created} nieuw, ${c.updated} bijgewerkt, ${c.unchanged} ongewijzigd, ` +
  `${c.skippedUnsubscribed} overgeslagen (afgemeld)`;

// Roles and centres by their labels: an editor never types an id.
const labelOf = (terms, id) => terms.find((t) => t.id === id)?.label ?? id;

function subscriberTable(list, taxonomy) {
  if (list.subscribers.length === 0) return h('p', { class: 'muted' }, q ? 'Niemand gevonden.' : 'Nog geen abonnees.');
  return h('table', { class: 'table subscribers', tabindex: 0 },
    h('caption', { class: 'muted' }, `${list.total} ${list.total === 1 ? 'abonnee' : 'abonnees'}`),
    h('thead', null, h('tr', null, ['Naam', 'E-mail', 'Rollen', 'Centrum', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, list.subscribers.map((s) => h('tr', { 'data-email': s.email },
      h('td', null, s.name), h('td', null, s.email), h('td', null, s.roles.map((r) => labelOf(taxonomy.roles, r)).join(', ')),
      h('td', null, s.centre ? labelOf(taxonomy.centres, s.centre) : ''),
      h('td', null, s.unsubscribedAt ? `afgemeld op ${dateNl(s.unsubscribedAt)}`
        : h('button', { type: 'button', class: 'secondary', onclick: async () => {
          await api('/api/newsletter/subscribers/' + s.id, { method: 'DELETE' });
          location.reload();
        } }, 'Meld af'))))));
}

function pager(list) {
  const last = Math.max(1, Math.ceil(list.total / pageSize));
  const link = (n, text) => h('a', { href: '?' + new URLSearchParams({ q, pagina: n }) }, text);
  return h('nav', { 'aria-label': 'Pagina’s' }, h('ul', { class: 'pager' },
    page > 1 && h('li', null, link(page - 1, 'Vorige')), h('li', null, h('span', null, `Pagina ${page} van ${last}`)),
    page < last && h('li', null, link(page + 1, 'Volgende'))));
}

function addForm(taxonomy) {
  const message = status('nieuw-status');
  const form = h('form', { class: 'card editor', 'aria-labelledby': 'nieuw-titel', onsubmit: async (event) => {
    event.preventDefault();
    const body = { email: form.elements.email.value, name: form.elements.name.value,
      roles: [...form.querySelectorAll('input[name=rol]:checked')].map((box) => box.value),
      centre: form.elements.centre.value || null };
    try {
      await api('/api/newsletter/subscribers', { method: 'POST', body });
      location.reload();
    } catch (error) {
      message.replaceChildren(error.status === 409 ? 'Dit adres meldde zich af en wordt niet opnieuw ingeschreven.'
        : h('ul', { class: 'notice error' }, (error.problem?.errors ?? []).map(importError)));
    }
  } },
  h('h2', { id: 'nieuw-titel' }, 'Abonnee toevoegen'),
  field('email', 'E-mail', h('input', { id: 'email', name: 'email', type: 'email', required: true })),
  field('name', 'Naam', h('input', { id: 'name', name: 'name', required: true })),
  // Every subscriber is a CLB-medewerker, so that role is no choice; the others add what their mail may show.
  h('fieldset', { class: 'field roles' }, h('legend', null, 'Rollen (naast CLB-medewerker)'),
    taxonomy.roles.filter((r) => r.id !== 'clb-medewerker').map((r) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'rol', value: r.id }), ' ', r.label))),
  field('centre', 'Centrum', h('select', { id: 'centre', name: 'centre' }, h('option', { value: '' }, 'Geen centrum'),
    taxonomy.centres.map((c) => h('option', { value: c.id }, c.label)))),
  h('button', { type: 'submit' }, 'Voeg toe'), message);
  return form;
}

function importForm() {
  const result = h('div', { id: 'import-resultaat', 'aria-live': 'polite' });
  const choice = fileChoice({ id: 'csv', accept: '.csv,text/csv', labelledBy: 'csv-titel', describedBy: 'csv-hulp' });
  const file = choice.input;
  const send = async (dryRun) => {
    const body = await file.files[0].text();
    try {
      const response = await request('/api/newsletter/subscribers/import' + (dryRun ? '?dryRun=true' : ''),
        { method: 'POST', body, type: 'text/csv' });
      const c = await response.json();
      result.replaceChildren(dryRun
        ? h('div', { class: 'notice' }, h('p', null, 'Voorbeeld, nog niets geschreven: ' + counts(c) + '.'),
          h('button', { type: 'button', onclick: () => send(false) }, 'Importeer'))
        : h('p', { class: 'notice' }, 'Geïmporteerd: ' + counts(c) + '.'));
    } catch (error) {
      result.replaceChildren(h('div', { class: 'notice error', role: 'alert' },
        h('p', null, 'Het bestand heeft fouten; er is niets geïmporteerd. Verbeter ze en kies het bestand opnieuw.'),
        h('ul', null, (error.problem?.errors ?? []).map(importError))));
    }
  };
  return h('form', { class: 'card editor', 'aria-labelledby': 'import-titel', onsubmit: (event) => {
    event.preventDefault();
    if (file.files.length > 0) send(true);
  } },
  h('h2', { id: 'import-titel' }, 'Importeer een CSV-bestand'),
  h('div', { class: 'field' }, h('span', { id: 'csv-titel', class: 'label' }, 'Bestand'),
    choice.element,
    h('span', { id: 'csv-hulp', class: 'muted' }, 'CSV UTF-8 met de kolommen email,name,roles,centre; rollen gescheiden door |')),
  h('button', { type: 'submit', class: 'secondary' }, 'Toon voorbeeld'), result);
}

editorOnly().then(async () => {
  titled('Abonnees');
  const [list, taxonomy] = await Promise.all(
    [api('/api/newsletter/subscribers?' + new URLSearchParams({ q, page, pageSize })), api('/api/taxonomy')]);
  show(h('h1', null, 'Abonnees van de POC-a-tizer'),
    h('form', { class: 'period', role: 'search' }, field('zoek', 'Zoek op adres of naam',
      h('input', { id: 'zoek', name: 'q', type: 'search', value: q })), h('button', { type: 'submit' }, 'Zoek')),
    subscriberTable(list, taxonomy), pager(list),
    h('div', { class: 'definitions' }, addForm(taxonomy), importForm()));
});
