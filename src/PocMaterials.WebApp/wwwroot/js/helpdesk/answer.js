// The answer to a helpdesk question: its text and the materials it links (chosen with the editor's link picker, by words of
// their title); "Verstuur antwoord" records it and the API mails it to whoever asked, when their
// address is known. A second answer corrects the first and is mailed again.
import { api, expiredSession } from '../api.js';
import { h } from '../dom.js';
import { pickMaterial } from '../editor/link-picker.js';
import { field } from '../editor/fields.js';
import { errorSentence } from '../messages.js';

// The slug of a suggestion's /materials/{slug}#anchor: a question links its material.
const slugOf = (url) => decodeURIComponent(/^\/materials\/([^/?#]+)/.exec(url ?? '')?.[1] ?? '');

// question: the question of GET /api/helpdesk/questions/{id}; answered(question): after the API took the answer.
export function answerForm(question, answered) {
  const previous = question.answer;
  const text = h('textarea', { id: 'antwoord-tekst', rows: '8' });
  text.value = previous?.text ?? '';
  const textField = field('antwoord-tekst', 'Antwoord', text, {
    help: question.answerByMail === false
      ? 'Het adres van wie vroeg is niet bekend: het antwoord wordt bewaard maar niet gemaild.'
      : 'Wie vroeg, krijgt het antwoord per mail, met een link naar elk materiaal hieronder.',
  });
  let materials = previous?.materials ?? [];
  const chosen = h('ul', { class: 'chips', 'aria-label': 'Gekozen materialen' });
  const add = h('button', { type: 'button', class: 'secondary', 'aria-describedby': 'antwoord-materialen-uitleg' },
    'Voeg een materiaal toe');
  // A group, not a labelled control: the button keeps its own name.
  const materialErrors = h('div', { id: 'antwoord-materialen-fouten' });
  const materialsField = {
    element: h('div', { class: 'field', role: 'group', 'aria-labelledby': 'antwoord-materialen-titel' },
      h('span', { class: 'label', id: 'antwoord-materialen-titel' }, 'Materialen bij het antwoord'), chosen,
      h('small', { id: 'antwoord-materialen-uitleg', class: 'muted' }, 'Zoek op woorden uit de titel; elk komt als link in de mail.'),
      h('p', null, add), materialErrors),
    show: (rows) => materialErrors.replaceChildren(...rows.map((r) => h('p', { class: 'field-error' }, errorSentence(r)))),
  };
  const render = () => chosen.replaceChildren(...materials.map((m) => h('li', { 'data-slug': m.slug }, m.title,
    h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Verwijder ${m.title}`, onclick: () => {
      materials = materials.filter((other) => other.slug !== m.slug);
      render();
      add.focus();
    } }, '×'))));
  add.addEventListener('click', async () => {
    const picked = await pickMaterial('Het materiaal komt bij het antwoord, als link in de mail.');
    const slug = slugOf(picked?.url);
    if (!slug || materials.some((m) => m.slug === slug)) return;
    materials = [...materials, { slug, title: picked.kind === 'question' ? picked.detail ?? slug : picked.text }];
    render();
  });
  render();
  const controls = { text: textField, materials: materialsField };
  const status = h('p', { role: 'status', class: 'muted' });

  const form = h('form', { class: 'card editor', 'aria-labelledby': 'antwoord-titel', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    for (const control of Object.values(controls)) control.show([]);
    status.textContent = 'Bezig met versturen…';
    const body = { text: text.value, materials: materials.map((m) => m.slug) };
    try {
      await answered(await api(`/api/helpdesk/questions/${question.id}/answer`, { method: 'POST', body }));
    } catch (error) {
      const rows = error.problem?.fieldErrors ?? [];
      const controlOf = (row) => row.field.replace(/\[.*$/, '');
      // The answer's text is 'het antwoord' here, not the question's text.
      for (const [name, control] of Object.entries(controls)) {
        control.show(rows.filter((r) => controlOf(r) === name).map((r) => ({ ...r, field: 'answer.' + controlOf(r) })));
      }
      status.textContent = error.status === 401 ? expiredSession
        : rows.length ? 'Niet verstuurd: verbeter eerst wat onder de velden staat.'
          : error.status === 404 ? 'Deze vraag bestaat niet meer.' : 'Niet verstuurd: er ging iets mis. Probeer het opnieuw.';
      Object.values(controls).find((c) => c.element.querySelector('.field-error'))?.focus();
    }
  } },
  h('h2', { id: 'antwoord-titel' }, previous ? 'Antwoord verbeteren' : 'Antwoorden'),
  previous && h('p', { class: 'muted' }, 'Een verbeterd antwoord wordt opnieuw gemaild.'),
  textField.element, materialsField.element,
  h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Verstuur antwoord')),
  status);
  return form;
}
