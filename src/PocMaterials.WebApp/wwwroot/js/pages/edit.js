// /redactie/materialen/{slug} and /redactie/nieuw-materiaal: a material's file in a text area, checked and
// previewed live by the API, saved with If-Match (the ETag of the version loaded), the parser's errors at
// their field and line, versions with a diff and restore, and attachments. Each part is a module of
// ../editor/; this page puts them together.
import { h, show, titled, materialPage } from '../dom.js';
import { editorOnly } from '../shell.js';
import { attachmentList } from '../editor/attachments.js';
import { acceptDroppedFiles } from '../editor/dropped-files.js';
import { pickMaterialLink } from '../editor/link-picker.js';
import { loadSource, materialPath, save, unsaved } from '../editor/save.js';
import { sourceEditor } from '../editor/source.js';
import { versionList } from '../editor/versions.js';

const editing = location.pathname.startsWith('/redactie/materialen/') ? decodeURIComponent(location.pathname.split('/')[3]) : null;
const template = `---
title: 
type: 
summary: 
core_processes: []
themes: []
domains: []
roles: [clb-medewerker]
contact: 
published: ${new Date().toISOString().slice(0, 10)}
updated: ${new Date().toISOString().slice(0, 10)}
status: draft
tags: []
---

Tekst in Markdown.
`;

const slugInput = h('input', {
  id: 'slug', name: 'slug', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*', 'aria-describedby': 'slug-fouten',
});
// The material being edited and the parts of its form: the one object this page shares with the editor's
// modules (../editor/save.js names its fields).
const form = {
  slug: editing,
  etag: null,
  saved: '',
  editor: sourceEditor(() => editing ?? (slugInput.value && slugInput.checkValidity() ? slugInput.value : 'nieuw-materiaal')),
  slugInput,
  slugErrors: h('div', { id: 'slug-fouten' }),
  status: h('p', { role: 'status', class: 'muted' }),
};
const versions = editing && versionList(form);
const attachments = editing && attachmentList(materialPath(form));
acceptDroppedFiles(form.editor.source, editing, () => attachments.load());
window.addEventListener('beforeunload', (event) => { if (unsaved(form)) event.preventDefault(); });

async function submit(event) {
  event.preventDefault();
  if (!editing) form.slug = slugInput.value.trim();
  const answer = await save(form);
  if (!answer) return;
  if (!editing) {
    location.assign('/redactie/materialen/' + encodeURIComponent(form.slug) + '?opgeslagen=' + answer.version);
    return;
  }
  form.status.textContent = `Opgeslagen als versie ${answer.version}.`;
  versions.load();
  // The live check this save cancelled: the preview and the verdict follow the saved text.
  form.editor.check();
}

async function start() {
  await editorOnly();
  const title = editing ? `Bewerken: ${editing}` : 'Nieuw materiaal';
  titled(title);
  show(h('h1', null, title),
    h('form', { class: 'editor', onsubmit: submit, novalidate: true },
      !editing && h('div', { class: 'field' }, h('label', { for: 'slug' }, 'Adres (slug)'), slugInput, form.slugErrors),
      h('div', { class: 'panes' }, form.editor.field, form.editor.preview),
      h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Opslaan'),
        h('button', { type: 'button', class: 'secondary', onclick: () => pickMaterialLink(form.editor.source) }, 'Link naar materiaal'),
        editing && h('a', { href: materialPage(editing) }, 'Bekijk het materiaal')),
      form.status),
    editing && versions.section,
    editing && attachments.section);
  if (!editing) {
    form.saved = template;
    form.editor.replaceText(template);
    return;
  }
  await loadSource(form);
  const created = new URLSearchParams(location.search).get('opgeslagen');
  if (created) form.status.textContent = `Aangemaakt als versie ${created}.`;
  await Promise.all([versions.load(), attachments.load()]);
}

start().catch((error) => show(h('h1', null, 'Materiaal bewerken'),
  h('p', { class: 'notice error', role: 'alert' },
    error.status === 404 ? 'Dit materiaal bestaat niet.' : 'Er ging iets mis bij het laden. Probeer het opnieuw.')));
