// Publication as buttons rather than a status field: "Bewaar als concept", "Publiceer nu", "Plan in op" a Dutch date,
// "Haal offline" (only when published), and the state in Dutch. save(publication) is the page's save: publication is
// { action, date } as PUT /api/materials/{slug} takes it, or null to keep status and date as the fields say.
import { h } from '../dom.js';
import { dateNl, parseDateNl } from '../dates.js';
import { dateField } from './fields.js';

// How a material stands (GET .../fields' publication), in Dutch; null: not saved yet.
export function stateNl(publication) {
  if (!publication) return 'Nieuw: nog niet bewaard';
  const { state, date } = publication;
  if (state === 'published') return date ? `Gepubliceerd op ${dateNl(date)}` : 'Gepubliceerd';
  if (state === 'scheduled') return `Gepland op ${dateNl(date)}`;
  // A draft with a publication date was online before ("Haal offline" keeps the date for when it comes back).
  return date ? 'Offline' : 'Concept';
}

export function publicationBar(save) {
  const state = h('p', { class: 'publication-state' });
  const date = dateField('plan-datum', 'Inplannen op', { help: 'Typ als dd-mm-jjjj; verschijnt die dag om middernacht.' });
  const buttons = h('div', { class: 'actions publication' });
  const button = (text, publication, secondary) =>
    h('button', { type: 'button', class: secondary ? 'secondary' : null, onclick: () => save(publication) }, text);
  const schedule = () => {
    const iso = parseDateNl(date.input.value);
    if (!iso) {
      date.show([{ field: 'publication.date', code: 'invalid-date', values: { value: date.input.value.trim() } }]);
      date.focus();
      return;
    }
    date.show([]);
    save({ action: 'schedule', date: iso });
  };

  return {
    state,
    element: buttons,
    // Shows the state and the buttons that fit it.
    set(publication) {
      state.textContent = stateNl(publication);
      date.show([]);
      if (publication?.state === 'published') {
        buttons.replaceChildren(button('Bewaar wijzigingen', null), button('Haal offline', { action: 'offline' }, true));
        return;
      }
      date.set(publication?.state === 'scheduled' ? publication.date : null);
      buttons.replaceChildren(button('Bewaar als concept', { action: 'draft' }, true), button('Publiceer nu', { action: 'publish' }),
        h('div', { class: 'schedule' }, date.element,
          h('button', { type: 'button', class: 'secondary', onclick: schedule }, 'Plan in op')));
    },
    showErrors: (fieldErrors) => date.show((fieldErrors ?? []).filter((e) => e.field === 'publication.date')),
  };
}
