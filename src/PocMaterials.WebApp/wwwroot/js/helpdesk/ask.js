// "Stel je vraag aan POC+": a quiet card under a material and under a search with few results. Its form (ask-form.js, with
// the error wording and the themes) is loaded when the card is opened, which most readers never do, so it weighs nothing on
// the pages until then. The question goes to the theme's contact.
import { h } from '../dom.js';

// theme: the theme id to pre-fill (or null); material: { slug, title } the question may be about, or null; intro: the
// card's sentence above its button.
export function askCard({ theme, material, intro }) {
  const place = h('div', { id: 'vraag-formulier', hidden: true });
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': place.id },
    'Stel je vraag');
  let form = null;
  open.addEventListener('click', async () => {
    if (!form) {
      try {
        form = (await import('./ask-form.js')).questionForm({ theme, material });
      } catch {
        place.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, 'Het formulier kon niet laden. Probeer het opnieuw.'));
        place.hidden = false;
        return;
      }
      place.replaceChildren(form.element);
    }
    place.hidden = !place.hidden;
    open.setAttribute('aria-expanded', String(!place.hidden));
    if (!place.hidden) form.focus();
  });
  return h('section', { class: 'card ask', 'aria-labelledby': 'vraag-titel' },
    h('h2', { id: 'vraag-titel' }, 'Stel je vraag aan POC+'),
    h('p', null, intro), h('p', null, open), place);
}
