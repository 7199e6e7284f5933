// Loading and saving a material's file. A save sends If-Match with the ETag of the version loaded, so a
// newer version by someone else is not replaced unseen; a refusal is shown where it belongs: a 422's
// errors at their field and line, a 409 or 412 with a way to load the newest version.
//
// form: the one object a page shares with these modules: the material's address (slug), the ETag of the
// version loaded (etag), the text as last loaded or saved (saved), the source editor (editor, from
// source.js), the address's errors (slugErrors), a status line (status) and a place for refusals (notices).
// A page with a form view also gives fields: its form (see fields-save.js), in view while fields.shown().
import { expiredSession, request } from '../api.js';
import { h } from '../dom.js';
import { errorList, fileRows, slugRows } from './errors.js';
import { problemSentence } from '../messages.js';

export const materialPath = (form) => '/api/materials/' + encodeURIComponent(form.slug);
// A change to what was loaded with etag; without one (something new), no condition.
export const ifMatch = (etag) => etag ? { 'If-Match': etag } : {};
// Anything in the editor but the text as last loaded or saved is unsaved work.
export const unsaved = (form) => form.editor.source.value !== form.saved || Boolean(form.fields?.changed());

export async function loadSource(form) {
  const response = await request(materialPath(form) + '/source', { headers: { Accept: 'text/markdown, text/plain' } });
  form.etag = response.headers.get('ETag');
  form.saved = await response.text();
  form.editor.replaceText(form.saved);
  form.editor.errors.replaceChildren();
  form.editor.source.setAttribute('aria-invalid', 'false');
  // A file whose fields the form cannot read is shown as itself.
  if (form.fields && !(await form.fields.load(form.saved))) form.fields.unreadable();
}

// 422: every error shown under the field it concerns.
function showErrors(form, problem) {
  if (form.fields?.shown()) {
    form.fields.showErrors(problem?.fieldErrors);
    return;
  }
  const { editor } = form;
  const forSlug = slugRows(problem?.fieldErrors);
  const forFile = fileRows(problem?.fieldErrors);
  editor.checked.replaceChildren();
  form.slugErrors.replaceChildren(forSlug.length
    ? h('div', { class: 'notice error', role: 'alert' }, errorList(forSlug, editor.goToLine)) : '');
  editor.errors.replaceChildren(forFile.length ? h('div', { class: 'notice error', role: 'alert' },
    h('p', null, h('strong', null, 'Niet opgeslagen: '), 'het bestand is niet geldig. Niets werd gewijzigd.'),
    errorList(forFile, editor.goToLine)) : '');
  editor.source.setAttribute('aria-invalid', String(forFile.length > 0));
}

// A refusal without errors per field (an expired session, a server error): its own words.
export function refusal(form, message) {
  form.notices.replaceChildren(h('div', { class: 'notice error', role: 'alert' }, h('p', null, message)));
}

export function conflict(form, message) {
  form.notices.replaceChildren(h('div', { class: 'notice error', role: 'alert' },
    h('p', null, message),
    h('p', null, 'Kopieer eerst je wijzigingen als je ze wilt houden. ',
      h('button', { type: 'button', onclick: () => loadSource(form) }, 'Laad de nieuwste versie'))));
}

// A refusal in Dutch: the session's end (see api.js), else its errors' sentences, else the general one (fallback).
export const failed = (error, fallback = 'Opslaan is mislukt. Probeer het opnieuw.') => error.status === 401
  ? expiredSession : problemSentence(error.problem, fallback);

// Saves the text in the editor under form.slug: the API's answer ({ version }), or null when it was
// refused (and the refusal is shown).
export async function save(form) {
  form.editor.cancelCheck();
  form.editor.errors.replaceChildren();
  form.notices.replaceChildren();
  form.slugErrors.replaceChildren();
  form.status.textContent = 'Opslaan…';
  try {
    const text = form.editor.source.value;
    const response = await request(materialPath(form),
      { method: 'PUT', body: text, type: 'text/markdown; charset=utf-8', headers: ifMatch(form.etag) });
    const answer = await response.json();
    form.saved = text;
    form.etag = response.headers.get('ETag');
    return answer;
  } catch (error) {
    form.status.textContent = '';
    // Refusals that offer to load the newest version.
    const conflicts = {
      409: `Er bestaat al een materiaal met het adres ‘${form.slug}’. Kies een ander adres of bewerk dat materiaal.`,
      412: 'Iemand anders heeft dit materiaal gewijzigd sinds je het opende. Je versie is niet opgeslagen.',
      413: 'Het bestand is te groot.',
    };
    if ((error.status === 422 || error.status === 400) && error.problem?.fieldErrors) showErrors(form, error.problem);
    else if (conflicts[error.status]) conflict(form, conflicts[error.status]);
    else refusal(form, failed(error));
    return null;
  }
}
