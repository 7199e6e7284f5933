// The form view of the editor page (form: see save.js): the material form, checked live at each pause in typing
// through POST .../check with its fields (the file they edit as source), and saved with a publication button. Going to
// the source and back goes through the same check, so the server reads and writes the file: a field left alone keeps
// its text, comments and place byte for byte.
import { request } from '../api.js';
import { h } from '../dom.js';
import { materialForm } from './material-form.js';
import { publicationBar } from './publication.js';
import { conflict, failed, ifMatch, materialPath, refusal } from './save.js';

const json = (value) => ({ body: JSON.stringify(value), type: 'application/json' });

// vocabulary: GET /api/taxonomy/form; checkedAs(): the address checked and saved under; saved(answer): after a save.
export function formView(form, vocabulary, { checkedAs, saved, onLink }) {
  const view = materialForm(vocabulary, { onLink });
  const bar = publicationBar((publication) => save(publication));
  const validity = h('p', { class: 'muted', 'aria-live': 'polite' });
  // The file the fields were read from and edit: null for a new material.
  let base = null;
  let typing = 0;
  let checking = null;

  const sent = (publication) => ({ fields: view.values(), body: view.body(), ...(publication ? { publication } : {}) });
  const check = (payload, signal) => request(`/api/materials/${encodeURIComponent(checkedAs())}/check`,
    { method: 'POST', signal, ...json({ ...payload, source: base }) }).then((r) => r.json());

  async function live() {
    checking?.abort();
    checking = new AbortController();
    let answer;
    try {
      answer = await check(sent(null), checking.signal);
    } catch {
      return; // overtaken, or the server is away: saving checks again anyway
    }
    view.preview(answer.html);
    const count = view.showErrors(answer.fieldErrors);
    const summary = count === 0 ? 'Alles is in orde.' : `Nog ${count} ${count === 1 ? 'fout' : 'fouten'} te verbeteren.`;
    if (validity.textContent !== summary) validity.textContent = summary;
  }
  const cancel = () => { clearTimeout(typing); checking?.abort(); };
  view.element.addEventListener('input', () => { cancel(); typing = setTimeout(live, 300); });

  // A file as the form: its fields through the server's reading; false when its front matter cannot be read as fields.
  async function load(text) {
    const answer = await (await request(`/api/materials/${encodeURIComponent(checkedAs())}/check`,
      { method: 'POST', body: text, type: 'text/markdown; charset=utf-8' })).json();
    self.readable = Boolean(answer.form);
    if (!answer.form) return false;
    base = text;
    view.fill(answer.form);
    bar.set(answer.form.publication);
    view.preview(answer.html);
    view.showErrors(answer.fieldErrors);
    validity.textContent = '';
    return true;
  }

  async function save(publication) {
    cancel();
    form.notices.replaceChildren();
    bar.showErrors([]);
    form.status.textContent = 'Opslaan…';
    // A new material (no ETag yet) is saved under its address as it is now, whatever file the form started from.
    if (!form.etag) form.slug = checkedAs();
    try {
      const payload = sent(publication);
      // The source was edited by hand since it was loaded: the form edits that text (with its comments), as the check
      // writes it; else the server edits the version loaded.
      const edited = base !== null && base !== form.saved;
      const response = await request(materialPath(form), {
        method: 'PUT', headers: ifMatch(form.etag),
        ...(edited ? { body: (await check(payload)).text, type: 'text/markdown; charset=utf-8' } : json(payload)),
      });
      const answer = await response.json();
      form.etag = response.headers.get('ETag');
      await saved(answer);
    } catch (error) {
      form.status.textContent = '';
      const conflicts = {
        412: 'Iemand anders heeft dit materiaal gewijzigd sinds je het opende. Je versie is niet opgeslagen.',
        413: 'Het bestand is te groot.',
      };
      if (error.status === 409) await form.address?.refused();
      else if ((error.status === 422 || error.status === 400) && error.problem?.fieldErrors) {
        view.showErrors(error.problem.fieldErrors);
        bar.showErrors(error.problem.fieldErrors);
        const forAddress = error.problem.fieldErrors.filter((e) => e.field === 'slug');
        if (forAddress.length) form.address?.show(forAddress);
        refusal(form, 'Niet opgeslagen: verbeter eerst wat onder de velden staat. Er werd niets gewijzigd.');
        view.focusFirstError();
      } else if (conflicts[error.status]) conflict(form, conflicts[error.status]);
      else refusal(form, failed(error));
    }
  }

  const self = {
    view, bar, validity, load,
    readable: true,
    changed: () => view.changed(),
    showErrors: (fieldErrors) => view.showErrors(fieldErrors),
    // A new material: an empty form, nothing checked until typed.
    start() {
      view.fill({ fields: {}, body: '' });
      bar.set(null);
    },
    // The file the form makes, as the server writes it.
    toSource: async () => (await check(sent(null))).text,
    cancel,
  };
  return self;
}
