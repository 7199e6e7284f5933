// /redactie/materialen/{slug} and /redactie/nieuw-materiaal: a material's file in a text area, checked and
// previewed live by the API, saved with If-Match (the ETag of the version loaded), the parser's errors at their field and
// line, versions with a diff and restore, and attachments.
import { request, api, problemText } from '../api.js';
import { h, show, titled, dateNl, materialPage, safeHtml, fileSize } from '../dom.js';
import { editorOnly } from '../shell.js';

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

let slug = editing;
let etag = null;
// The text as last loaded or saved: anything else in the editor is unsaved work.
let saved = '';
const unsaved = () => source.value !== saved;
window.addEventListener('beforeunload', (event) => { if (unsaved()) event.preventDefault(); });
const source = h('textarea', { id: 'bron', rows: 24, spellcheck: 'true', 'aria-describedby': 'bron-fouten bron-controle bron-uitleg' });
const previewArea = h('div', { class: 'body preview', id: 'voorbeeld' });
const errors = h('div', { id: 'bron-fouten' });
const checked = h('div', { id: 'bron-controle' });
const validity = h('p', { class: 'muted', 'aria-live': 'polite' });
const slugErrors = h('div', { id: 'slug-fouten' });
const status = h('p', { role: 'status', class: 'muted' });
const versions = h('div');
const diff = h('div', { 'aria-live': 'polite' });
const attachments = h('div');
const slugInput = h('input', { id: 'slug', name: 'slug', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*', 'aria-describedby': 'slug-fouten' });

const materialPath = () => '/api/materials/' + encodeURIComponent(slug);

// Live, once typing pauses: the API checks the text as a save would and renders its body as the material
// page will. Nothing is written; a check overtaken by more typing is dropped.
let typing = 0;
let checking = null;
source.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(check, 300);
});

async function check() {
  checking?.abort();
  checking = new AbortController();
  const name = editing ?? (slugInput.value && slugInput.checkValidity() ? slugInput.value : 'nieuw-materiaal');
  let answer;
  try {
    const response = await request(`/api/materials/${encodeURIComponent(name)}/check`, { method: 'POST', body: source.value, type: 'text/markdown; charset=utf-8', signal: checking.signal });
    answer = await response.json();
  } catch {
    return; // overtaken, or the server is away: saving checks again anyway
  }
  previewArea.replaceChildren(safeHtml(answer.html));
  errors.replaceChildren();
  const rows = fileRows(answer.errors);
  checked.replaceChildren(rows.length ? h('div', { class: 'notice warn' }, h('p', null, h('strong', null, 'Nog niet geldig: '), 'zo kan het niet opgeslagen worden.'), errorList(rows)) : '');
  // Announced only when it changes, not at every pause in typing.
  const summary = rows.length === 0 ? 'Het bestand is geldig.' : `${rows.length} ${rows.length === 1 ? 'fout' : 'fouten'} in het bestand.`;
  if (validity.textContent !== summary) validity.textContent = summary;
  source.setAttribute('aria-invalid', String(rows.length > 0));
}

function goToLine(line) {
  const lines = source.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  source.focus();
  source.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

const fieldLabel = (field) => field === 'slug' ? 'adres' : field;

// Errors by field as the API gives them, each message "file line N: ...": a list with a way to each line.
const rowsOf = (byField) => Object.entries(byField ?? {}).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
const isSlugRow = (row) => row.field === 'slug' || row.field.startsWith('body.slug');
const lineOf = (row) => Number(/line (\d+)/.exec(row.message)?.[1] ?? 0);
const fileRows = (byField) => rowsOf(byField).filter((row) => !isSlugRow(row)).sort((a, b) => lineOf(a) - lineOf(b));
const errorList = (rows) => h('ul', null, rows.map(({ field, message }) => {
  const line = /line (\d+)/.exec(message)?.[1];
  return h('li', { 'data-field': field },
    h('strong', null, fieldLabel(field) + ': '), message.replace(/^\S+ line \d+: /, ''),
    line && [' ', h('button', { type: 'button', class: 'link', onclick: () => goToLine(Number(line)) }, `regel ${line}`)]);
}));

// 422: every error shown under the field it concerns.
function showErrors(problem) {
  const forSlug = rowsOf(problem?.errors).filter(isSlugRow);
  const forFile = fileRows(problem?.errors);
  checked.replaceChildren();
  slugErrors.replaceChildren(forSlug.length ? h('div', { class: 'notice error', role: 'alert' }, errorList(forSlug)) : '');
  errors.replaceChildren(forFile.length ? h('div', { class: 'notice error', role: 'alert' },
    h('p', null, h('strong', null, 'Niet opgeslagen: '), 'het bestand is niet geldig. Niets werd gewijzigd.'), errorList(forFile)) : '');
  source.setAttribute('aria-invalid', String(forFile.length > 0));
  slugInput.setAttribute('aria-invalid', String(forSlug.length > 0));
}

// A refusal without errors per field (an expired session, a server error): its own words.
function refusal(message) {
  errors.replaceChildren(h('div', { class: 'notice error', role: 'alert' }, h('p', null, message)));
}

function conflict(message) {
  errors.replaceChildren(h('div', { class: 'notice error', role: 'alert' },
    h('p', null, message),
    h('p', null, 'Kopieer eerst je wijzigingen als je ze wilt houden. ',
      h('button', { type: 'button', onclick: () => loadSource() }, 'Laad de nieuwste versie'))));
}

async function save(event) {
  event.preventDefault();
  if (!editing) slug = slugInput.value.trim();
  // Saving checks the text itself: a live check still to come would only repeat or overwrite its answer.
  clearTimeout(typing);
  checking?.abort();
  errors.replaceChildren();
  slugErrors.replaceChildren();
  status.textContent = 'Opslaan…';
  try {
    const text = source.value;
    const response = await request(materialPath(), { method: 'PUT', body: text, type: 'text/markdown; charset=utf-8', headers: etag ? { 'If-Match': etag } : {} });
    const { version } = await response.json();
    saved = text;
    if (!editing) {
      location.assign('/redactie/materialen/' + encodeURIComponent(slug) + '?opgeslagen=' + version);
      return;
    }
    etag = response.headers.get('ETag');
    status.textContent = `Opgeslagen als versie ${version}.`;
    loadVersions();
    // The live check this save cancelled: the preview and the verdict follow the saved text.
    check();
  } catch (error) {
    status.textContent = '';
    if ((error.status === 422 || error.status === 400) && error.problem?.errors) showErrors(error.problem);
    else if (error.status === 412) conflict('Iemand anders heeft dit materiaal gewijzigd sinds je het opende. Je versie is niet opgeslagen.');
    else if (error.status === 409) conflict(`Er bestaat al een materiaal met het adres ‘${slug}’. Kies een ander adres of bewerk dat materiaal.`);
    else if (error.status === 413) conflict('Het bestand is te groot.');
    else refusal(error.problem?.title ?? 'Opslaan is mislukt. Probeer het opnieuw.');
  }
}

async function loadSource() {
  const response = await request(materialPath() + '/source', { headers: { Accept: 'text/markdown, text/plain' } });
  etag = response.headers.get('ETag');
  source.value = saved = await response.text();
  source.dispatchEvent(new Event('input'));
  errors.replaceChildren();
  source.setAttribute('aria-invalid', 'false');
}

const when = (iso) => `${dateNl(iso)} ${new Date(iso).toLocaleTimeString('nl-BE', { hour: '2-digit', minute: '2-digit' })}`;

async function showDiff(from, to) {
  const response = await request(`${materialPath()}/diff?from=${from}&to=${to}`, { headers: { Accept: 'text/plain, text/x-diff' } });
  const lines = (await response.text()).split('\n');
  diff.replaceChildren(h('h3', null, `Verschil tussen versie ${from} en ${to}`),
    h('pre', { class: 'diff', tabindex: '0', 'aria-label': `Verschil tussen versie ${from} en ${to}` },
      lines.map((line) => h('span', { class: line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : null }, line + '\n'))));
}

async function restore(number) {
  if (unsaved() && !confirm(`Je wijzigingen zijn nog niet opgeslagen. Versie ${number} terugzetten en ze weggooien?`)) return;
  status.textContent = `Versie ${number} terugzetten…`;
  try {
    // With the version this page loaded: a newer one by someone else is not replaced unseen.
    const response = await request(`${materialPath()}/versions/${number}/restore`, { method: 'POST', headers: etag ? { 'If-Match': etag } : {} });
    const { version } = await response.json();
    await loadSource();
    status.textContent = `Versie ${number} is teruggezet als versie ${version}.`;
    loadVersions();
  } catch (error) {
    status.textContent = '';
    if (error.status === 422) showErrors(error.problem);
    else if (error.status === 412) conflict('Iemand anders heeft dit materiaal gewijzigd sinds je het opende. Er werd niets teruggezet.');
    else refusal('Terugzetten is mislukt: ' + (error.problem?.title ?? 'probeer het opnieuw.'));
  }
}

async function loadVersions() {
  const list = await api(materialPath() + '/versions');
  const latest = list[0]?.number;
  versions.replaceChildren(h('table', { class: 'table', tabindex: '0' }, // focusable: it scrolls sideways on a phone
    h('caption', { class: 'visually-hidden-heading' }, 'Versies, nieuwste eerst'),
    h('thead', null, h('tr', null, ['Versie', 'Door', 'Wanneer', 'Wat', 'Acties'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, list.map((v) => h('tr', null,
      h('td', null, String(v.number)), h('td', null, v.author), h('td', null, when(v.createdAt)), h('td', null, v.summary),
      h('td', { class: 'actions' }, v.number !== latest && [
        h('button', { type: 'button', class: 'secondary', onclick: () => showDiff(v.number, latest) }, `Verschil met ${latest}`),
        v.eTag && h('button', { type: 'button', class: 'secondary', onclick: () => restore(v.number) }, 'Zet terug')]))))));
}

// The API's rule for names: lower-case words joined by hyphens and one extension.
const fileName = (name) => {
  const dot = name.lastIndexOf('.');
  const words = (dot > 0 ? name.slice(0, dot) : name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return dot > 0 ? `${words}.${name.slice(dot + 1).toLowerCase()}` : words;
};

async function loadAttachments() {
  const list = await api(materialPath() + '/attachments');
  const file = h('input', { type: 'file', id: 'bijlage', accept: '.pdf,.docx,.pptx,.xlsx,.odt,.odp,.ods,.png,.jpg,.jpeg' });
  const name = h('input', { id: 'bijlage-naam', 'aria-describedby': 'bijlage-uitleg' });
  const outcome = h('p', { role: 'status' });
  file.addEventListener('change', () => { name.value = file.files[0] ? fileName(file.files[0].name) : ''; });
  // Adds a file, or with the ETag of the one listed replaces that one (and not a newer one someone else put).
  const send = async (fileName, body, etag, done) => {
    outcome.textContent = 'Uploaden…';
    try {
      await request(`${materialPath()}/attachments/${encodeURIComponent(fileName)}`, { method: 'PUT', body, type: 'application/octet-stream', headers: etag ? { 'If-Match': etag } : {} });
      await loadAttachments();
      attachments.querySelector('[role=status]').textContent = done;
    } catch (error) {
      const messages = { 409: 'Er is al een bijlage met die naam.', 412: 'Iemand anders heeft deze bijlage intussen gewijzigd. Laad de pagina opnieuw.', 413: 'Het bestand is te groot.', 415: 'Dit soort bestand kan niet: ' + (error.problem?.detail ?? error.problem?.title ?? '') };
      outcome.textContent = messages[error.status] ?? ('Niet gelukt: ' + problemText(error, 'probeer het opnieuw.'));
    }
  };
  const upload = (event) => {
    event.preventDefault();
    if (!file.files[0] || !name.value) { outcome.textContent = 'Kies eerst een bestand.'; return; }
    send(name.value, file.files[0], null, `${name.value} is toegevoegd.`);
  };
  const remove = async (attachment) => {
    if (!confirm(`${attachment.name} verwijderen?`)) return;
    try {
      await request(`${materialPath()}/attachments/${encodeURIComponent(attachment.name)}`, { method: 'DELETE', headers: { 'If-Match': attachment.eTag } });
      await loadAttachments();
      attachments.querySelector('[role=status]').textContent = `${attachment.name} is verwijderd.`;
    } catch (error) {
      outcome.textContent = error.status === 412 ? 'Iemand anders heeft deze bijlage intussen gewijzigd. Laad de pagina opnieuw.' : 'Niet verwijderd: ' + (error.problem?.title ?? 'probeer het opnieuw.');
    }
  };
  const item = (attachment) => {
    const replacement = h('input', { type: 'file', hidden: true, accept: '.' + attachment.name.split('.').pop() });
    replacement.addEventListener('change', () => replacement.files[0] && send(attachment.name, replacement.files[0], attachment.eTag, `${attachment.name} is vervangen.`));
    return h('li', null, h('a', { href: attachment.url }, attachment.name), h('span', { class: 'muted' }, ` (${fileSize(attachment.size)}) `),
      replacement,
      h('button', { type: 'button', class: 'link', 'aria-label': `Vervang ${attachment.name}`, onclick: () => replacement.click() }, 'Vervang'), ' ',
      h('button', { type: 'button', class: 'link', 'aria-label': `Verwijder ${attachment.name}`, onclick: () => remove(attachment) }, 'Verwijder'));
  };
  attachments.replaceChildren(
    list.length === 0 ? h('p', { class: 'muted' }, 'Nog geen bijlagen.') : h('ul', { class: 'list' }, list.map(item)),
    h('form', { class: 'upload', onsubmit: upload },
      h('div', { class: 'field' }, h('label', { for: 'bijlage' }, 'Bestand'), file),
      h('div', { class: 'field' }, h('label', { for: 'bijlage-naam' }, 'Naam'), name,
        h('small', { id: 'bijlage-uitleg', class: 'muted' }, 'Kleine letters en koppeltekens; PDF, Office, OpenDocument of een afbeelding.')),
      h('button', { type: 'submit' }, 'Uploaden')),
    outcome);
}

async function start() {
  await editorOnly();
  const title = editing ? `Bewerken: ${editing}` : 'Nieuw materiaal';
  titled(title);
  const form = h('form', { class: 'editor', onsubmit: save, novalidate: true },
    !editing && h('div', { class: 'field' }, h('label', { for: 'slug' }, 'Adres (slug)'), slugInput, slugErrors),
    h('div', { class: 'panes' },
      h('div', { class: 'field' }, h('label', { for: 'bron' }, 'Markdown-bestand'),
        h('small', { id: 'bron-uitleg', class: 'muted' }, 'Front matter tussen --- en daarna de tekst. Het voorbeeld toont de tekst.'),
        source, errors, checked, validity),
      h('section', { 'aria-labelledby': 'voorbeeld-titel' }, h('h2', { id: 'voorbeeld-titel' }, 'Voorbeeld'), previewArea)),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Opslaan'),
      editing && h('a', { href: materialPage(editing) }, 'Bekijk het materiaal')),
    status);
  show(h('h1', null, title), form,
    editing && h('section', { 'aria-labelledby': 'versies-titel' }, h('h2', { id: 'versies-titel' }, 'Versies'), versions, diff),
    editing && h('section', { 'aria-labelledby': 'bijlagen-titel' }, h('h2', { id: 'bijlagen-titel' }, 'Bijlagen'), attachments));
  if (!editing) {
    source.value = saved = template;
    source.dispatchEvent(new Event('input'));
    return;
  }
  await loadSource();
  const created = new URLSearchParams(location.search).get('opgeslagen');
  if (created) status.textContent = `Aangemaakt als versie ${created}.`;
  await Promise.all([loadVersions(), loadAttachments()]);
}

start().catch((error) => show(h('h1', null, 'Materiaal bewerken'),
  h('p', { class: 'notice error', role: 'alert' }, error.status === 404 ? 'Dit materiaal bestaat niet.' : 'Er ging iets mis bij het laden. Probeer het opnieuw.')));
