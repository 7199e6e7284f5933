// The form of "Stel je vraag aan POC+" (see ask.js): the question with a counter and a warning against pupils' names, the
// theme pre-filled, on a material page the material it is about; the confirmation says whether the answer will come by
// mail (only when the session gave an address). Refusals in Dutch at their field (messages.js).
import { api, expiredSession } from '../api.js';
import { h } from '../dom.js';
import { errorSentence } from '../messages.js';

export const maxQuestion = 2000;

// The themes once per page, for every card on it.
let themes = null;
const themeList = () => (themes ??= api('/api/themes'));

// One error of the API at the field it concerns, in Dutch; those of no field of the form in the general line.
function showErrors(errorsOf, general, problem) {
  const rows = problem?.fieldErrors ?? [];
  for (const [field, place] of Object.entries(errorsOf)) {
    const mine = rows.filter((r) => r.field === field);
    place.errors.replaceChildren(...mine.map((r) => h('p', { class: 'field-error' }, errorSentence(r))));
    place.control?.setAttribute('aria-invalid', String(mine.length > 0));
  }
  return rows.filter((r) => !(r.field in errorsOf)).map(errorSentence).join(' ') || (rows.length ? '' : general);
}

function refusal(error) {
  if (error.status === 401) return expiredSession;
  if (error.status === 404) return 'Dit materiaal bestaat niet meer, of je rol mag het niet zien. Vink het materiaal uit en '
    + 'verstuur opnieuw.';
  return 'Je vraag kon niet verstuurd worden. Probeer het opnieuw; wat je typte, blijft staan.';
}

const confirmation = (answer, contact) => h('div', { class: 'notice', role: 'status', tabindex: '-1' },
  h('p', null, h('strong', null, 'Bedankt, je vraag is verstuurd. '),
    contact ? `${contact.name} (${contact.role ?? 'aanspreekpunt van POC+'}) bekijkt ze.` : 'POC+ bekijkt ze.'),
  h('p', null, answer.answerByMail
    ? 'Je krijgt het antwoord per mail.'
    : 'Je aanmelding gaf geen e-mailadres door, dus het antwoord komt niet per mail. Wil je het snel? Neem dan contact '
      + 'op met het aanspreekpunt van het thema.'));

// theme: the theme id to pre-fill (or null); material: { slug, title } the question may be about, or null. Returns the form
// and what puts the focus in it.
export function questionForm({ theme, material }) {
  const id = 'vraag';
  const text = h('textarea', { id: `${id}-tekst`, rows: '5', maxlength: String(maxQuestion),
    'aria-describedby': `${id}-hint ${id}-teller ${id}-tekst-fouten` });
  const counter = h('p', { id: `${id}-teller`, class: 'muted counter' }, `0 / ${maxQuestion} tekens`);
  text.addEventListener('input', () => { counter.textContent = `${[...text.value].length} / ${maxQuestion} tekens`; });
  const select = h('select', { id: `${id}-thema`, 'aria-describedby': `${id}-thema-fouten` },
    h('option', { value: '' }, 'Kies een thema'));
  const about = material && h('input', { type: 'checkbox', id: `${id}-materiaal`, checked: true,
    'aria-describedby': `${id}-materiaal-fouten` });
  const errorsOf = {
    text: { control: text, errors: h('div', { id: `${id}-tekst-fouten` }) },
    theme: { control: select, errors: h('div', { id: `${id}-thema-fouten` }) },
    material: { control: about, errors: h('div', { id: `${id}-materiaal-fouten` }) },
  };
  // Polite like a status, without a second status role on the search page beside its count of results.
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const loaded = themeList().then((list) => {
    select.append(...list.map((t) => h('option', { value: t.id, selected: t.id === theme }, t.title)));
    return list;
  }, () => []);

  const form = h('form', { novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    status.textContent = 'Bezig met versturen…';
    const body = { text: text.value, theme: select.value || null, material: about?.checked ? material.slug : null };
    try {
      const answer = await api('/api/helpdesk/questions', { method: 'POST', body });
      const contact = (await loaded).find((t) => t.id === body.theme)?.contact;
      const done = confirmation(answer, contact);
      form.replaceWith(done);
      done.focus();
    } catch (error) {
      status.textContent = showErrors(errorsOf, refusal(error), error.problem);
      form.querySelector('[aria-invalid=true]')?.focus();
    }
  } },
  h('div', { class: 'field' }, h('label', { for: text.id }, 'Je vraag'),
    h('small', { id: `${id}-hint`, class: 'muted' }, 'Schrijf geen namen van leerlingen of andere personen.'),
    text, counter, errorsOf.text.errors),
  h('div', { class: 'field' }, h('label', { for: select.id }, 'Thema'), select, errorsOf.theme.errors),
  about && h('div', { class: 'field' }, h('div', { class: 'check' }, about,
    h('label', { for: about.id }, `Mijn vraag gaat over ‘${material.title}’`)), errorsOf.material.errors),
  h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Verstuur')),
  status);

  return { element: form, focus: () => text.focus() };
}
