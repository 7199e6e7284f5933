// /redactie/materialen/{slug} and /redactie/nieuw-materiaal: a material as a form generated from the taxonomy (the
// default), or for power users its file ("Bron"), both checked and previewed live by the API and saved with If-Match
// (the ETag of the version loaded); errors in Dutch at their field; versions with a diff and restore, and attachments.
// Each part is a module of ../editor/; this page puts them together and switches between form and source through the
// server, which reads and writes the file.
import { api } from '../api.js';
import { h, show, titled, materialPage } from '../dom.js';
import { editorOnly } from '../shell.js';
import { addressField } from '../editor/address.js';
import { attachmentList } from '../editor/attachments.js';
import { bodyTools } from '../editor/body-tools.js';
import { formView } from '../editor/form-view.js';
import { loadSource, materialPath, save, unsaved } from '../editor/save.js';
import { sourceEditor } from '../editor/source.js';
import { versionList } from '../editor/versions.js';
import { faqDraft } from '../helpdesk/faq-draft.js';

const editing = location.pathname.startsWith('/redactie/materialen/') ? decodeURIComponent(location.pathname.split('/')[3]) : null;
const checkedAs = () => editing ?? (form.address?.get() || 'nieuw-materiaal');

// The material being edited and the parts of its page: the one object this page shares with the editor's modules
// (../editor/save.js names its fields).
const form = {
  slug: editing,
  etag: null,
  saved: '',
  editor: sourceEditor(checkedAs),
  slugErrors: h('div', { id: 'slug-fouten' }),
  status: h('p', { role: 'status', class: 'muted' }),
  notices: h('div'),
};
const versions = editing && versionList(form);
const attachments = editing && attachmentList(materialPath(form));
// Files dropped on a text are listed with the attachments at once (a new material takes none: it has no place yet).
const listAttachments = () => attachments.load();
const pickSourceLink = bodyTools(form.editor.source, editing, listAttachments);
// ?vraag={id}: a helpdesk question added to the FAQ list, loaded as the unsaved form and recorded once published.
const draft = faqDraft(form);
window.addEventListener('beforeunload', (event) => { if (unsaved(form) || draft.unsaved()) event.preventDefault(); });

// After a save: a new material opens at its own address; else the page shows the version saved.
async function saved(answer) {
  await draft.saved(!editing);
  if (!editing) {
    location.assign('/redactie/materialen/' + encodeURIComponent(form.slug) + '?opgeslagen=' + answer.version);
    return;
  }
  await loadSource(form);
  form.status.textContent = `Opgeslagen als versie ${answer.version}.`;
  versions.load();
}

async function submitSource(event) {
  event.preventDefault();
  if (!editing) form.slug = checkedAs();
  const answer = await save(form);
  if (!answer) return;
  // The live check this save cancelled: the preview and the verdict follow the saved text.
  form.editor.check();
  await saved(answer);
}

function page(fields) {
  const formPart = h('div', null, fields.view.element, fields.validity, fields.bar.element);
  const sourcePart = h('div', { hidden: true },
    h('div', { class: 'panes' }, form.editor.field, form.editor.preview),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Opslaan'),
      h('button', { type: 'button', class: 'secondary', onclick: pickSourceLink }, 'Link naar materiaal')));
  const toggle = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Bron');
  fields.shown = () => sourcePart.hidden;
  const showSource = (source) => {
    formPart.hidden = source;
    sourcePart.hidden = !source;
    toggle.setAttribute('aria-pressed', String(source));
  };
  // Form to source: the file the fields make; source to form: the fields the file holds, when its front matter reads.
  toggle.addEventListener('click', async () => {
    form.notices.replaceChildren();
    if (fields.shown()) {
      fields.cancel();
      form.editor.replaceText(await fields.toSource());
    } else if (!(await fields.load(form.editor.source.value))) {
      unreadable();
      return;
    }
    showSource(fields.shown());
  });
  const unreadable = () => {
    showSource(true);
    form.notices.replaceChildren(h('p', { class: 'notice error', role: 'alert' },
      'Het formulier kan dit bestand niet lezen: verbeter eerst de fouten onder de bron.'));
  };
  fields.unreadable = unreadable;
  return h('form', { class: 'editor', onsubmit: submitSource, novalidate: true },
    h('div', { class: 'editor-head' }, fields.bar.state, h('p', { class: 'view-switch' }, toggle,
      h('span', { class: 'muted' }, ' het bestand zelf (velden in YAML en de tekst in Markdown)'))),
    form.address?.element, form.slugErrors,
    formPart, sourcePart, form.notices, form.status,
    editing && h('p', null, h('a', { href: materialPage(editing) }, 'Bekijk het materiaal')));
}

async function start() {
  await editorOnly();
  const title = editing ? `Bewerken: ${editing}` : 'Nieuw materiaal';
  titled(title);
  const fields = formView(form, await api('/api/taxonomy/form'), { checkedAs, saved, onLink: () => pickBodyLink() });
  const pickBodyLink = bodyTools(fields.view.text, editing, listAttachments);
  if (!editing) form.address = addressField(fields.view.title, () => fields.view.element.dispatchEvent(new Event('input')));
  form.fields = fields;
  const content = page(fields);
  // Shown once filled: a toggle or a keystroke before would act on an empty form.
  if (editing) await loadSource(form);
  else fields.start();
  await draft.load(fields);
  show(h('h1', null, title), draft.element, content, editing && versions.section, editing && attachments.section);
  if (!editing) return;
  const created = new URLSearchParams(location.search).get('opgeslagen');
  if (created) form.status.textContent = `Aangemaakt als versie ${created}.`;
  await Promise.all([versions.load(), attachments.load()]);
}

start().catch((error) => show(h('h1', null, 'Materiaal bewerken'),
  h('p', { class: 'notice error', role: 'alert' },
    error.status === 404 ? 'Dit materiaal bestaat niet.' : 'Er ging iets mis bij het laden. Probeer het opnieuw.')));
