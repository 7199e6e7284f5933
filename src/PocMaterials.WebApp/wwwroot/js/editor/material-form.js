// A material as a form, generated from GET /api/taxonomy/form: every field with a Dutch label (lists by their labels, found
// by their search words), the Markdown body with its toolbar beside its preview, and each error of the API at its field.
// Fields the form does not show (published, updated, status, ...) go back as the file had them, and a field the editor did
// not touch goes back as it came, so the server keeps its text byte for byte.
import { h, safeHtml } from '../dom.js';
import { chipField } from './chips.js';
import { errorList } from './errors.js';
import { dateField, field, selectField, textField } from './fields.js';
import { markdownToolbar } from './toolbar.js';

const terms = (list) => list.map((t) => ({ value: t.id, label: t.label, words: t.searchWords }));

// The field an error of the API belongs to: roles for "roles", "fields.roles" and "roles[2]".
const controlOf = (field) => field.replace(/^fields\./, '').replace(/\[.*$/, '');

export function materialForm(vocabulary, { onLink } = {}) {
  const { limits } = vocabulary;
  const controls = {
    title: textField('titel', 'Titel', { limit: limits.title }),
    summary: textField('samenvatting', 'Samenvatting', {
      limit: limits.summary, multiline: true, help: 'Eén of twee zinnen: te zien in zoekresultaten en de nieuwsbrief.',
    }),
    type: selectField('type', 'Type', terms(vocabulary.types), { empty: 'Kies een type' }),
    core_processes: chipField('kernprocessen', 'Kernprocessen', terms(vocabulary.coreProcesses),
      { help: 'Typ een deel van de naam of een afkorting, bijvoorbeeld HGD.' }),
    themes: chipField('themas', "Thema's", terms(vocabulary.themes), { help: 'Typ een deel van de naam of een afkorting.' }),
    domains: chipField('domeinen', 'Domeinen', terms(vocabulary.domains), { help: 'Bijvoorbeeld PGZ of leren.' }),
    roles: chipField('rollen', 'Voor wie', terms(vocabulary.roles),
      { help: 'Niets gekozen: elke CLB-medewerker. Kies rollen om het materiaal tot hen te beperken.' }),
    contact: selectField('aanspreekpunt', 'Aanspreekpunt',
      vocabulary.contacts.map((c) => ({ value: c.id, label: c.role ? `${c.name} (${c.role})` : c.name })),
      { empty: 'Dat van het eerste thema' }),
    tags: chipField('trefwoorden', 'Trefwoorden',
      vocabulary.tags.map((t) => ({ value: t.tag, label: t.tag, note: `${t.count}×` })),
      { free: true, help: `Druk Enter of typ een komma na elk trefwoord; hoogstens ${limits.tags}.` }),
    review_by: dateField('herzien', 'Nakijken tegen', { help: 'Typ als dd-mm-jjjj. Daarna staat het materiaal bij “te herzien”.' }),
  };
  const text = h('textarea', { id: 'tekst', rows: 18, spellcheck: 'true' });
  const body = field('tekst', 'Tekst', text, {
    help: 'In Markdown. Bij een FAQ-lijst is elke kop een vraag. Ctrl+K: een link naar een ander materiaal. '
      + 'Sleep of plak een bestand in de tekst om het als bijlage toe te voegen.',
  });
  body.element.insertBefore(markdownToolbar(text, { onLink }), text);
  const other = h('div', { id: 'formulier-fouten' });
  // No text yet (a new material): said, rather than an empty box.
  const nothingYet = () => h('p', { class: 'muted' }, 'Hier verschijnt de tekst zoals medewerkers hem zullen zien.');
  const previewArea = h('div', { class: 'body preview', id: 'formulier-voorbeeld' }, nothingYet());
  // As last filled: what goes back for the fields the form does not show, and what "changed" compares with.
  let loaded = { fields: {}, body: '' };

  const values = () => {
    const fields = { ...loaded.fields };
    for (const [name, control] of Object.entries(controls)) fields[name] = control.get();
    return fields;
  };
  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

  return {
    element: h('div', { class: 'material-form' },
      h('div', { class: 'form-grid' }, Object.values(controls).map((c) => c.element)),
      other,
      h('div', { class: 'panes' }, body.element,
        h('section', { 'aria-labelledby': 'formulier-voorbeeld-titel' },
          h('h2', { id: 'formulier-voorbeeld-titel' }, 'Voorbeeld'), previewArea))),
    title: controls.title.input,
    text,
    values,
    body: () => text.value,
    // { fields, body } as GET .../fields or the check of a file gives them.
    fill(form) {
      loaded = { fields: form.fields ?? {}, body: form.body ?? '' };
      for (const [name, control] of Object.entries(controls)) control.set(loaded.fields[name] ?? null);
      text.value = loaded.body;
    },
    changed: () => text.value !== loaded.body
      || Object.keys(controls).some((name) => !same(controls[name].get(), loaded.fields[name])),
    preview: (html) => previewArea.replaceChildren(html ? safeHtml(html) : nothingYet()),
    // The API's errors each under its field; those of no field of the form (a hand-made status, the YAML) above the text.
    // Returns how many there were.
    showErrors(fieldErrors) {
      const rows = fieldErrors ?? [];
      for (const [name, control] of Object.entries(controls)) control.show(rows.filter((r) => controlOf(r.field) === name));
      body.show(rows.filter((r) => r.field === 'body'));
      const rest = rows.filter((r) => !(controlOf(r.field) in controls) && r.field !== 'body' && !r.field.startsWith('publication.'));
      other.replaceChildren(rest.length
        ? h('div', { class: 'notice warn' }, h('p', null, 'Nog te verbeteren in de bron (knop “Bron”):'), errorList(rest)) : '');
      return rows.length;
    },
    focusFirstError: () => Object.values(controls).concat(body)
      .find((c) => c.element.querySelector('.field-error'))?.focus(),
  };
}
