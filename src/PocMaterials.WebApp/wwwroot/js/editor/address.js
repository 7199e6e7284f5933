// A new material's address, made from its title (lower case, without accents, words joined by hyphens) and shown; an
// editor changes it only behind "wijzig adres". An address in use is said in Dutch, and a free variant (-2, -3, ...)
// offered, or taken at once while the address still follows the title.
import { request } from '../api.js';
import { h } from '../dom.js';
import { field } from './fields.js';

export const slugOf = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 80).replace(/-+$/, '');

async function taken(slug) {
  try {
    await request(`/api/materials/${encodeURIComponent(slug)}/source`, { headers: { Accept: 'text/markdown' } });
    return true;
  } catch (error) {
    return error.status !== 404;
  }
}

// titleInput: the form's title; onChange(): the address changed (the live check is done under it).
export function addressField(titleInput, onChange) {
  const input = h('input', { id: 'adres', pattern: '[a-z0-9]+(-[a-z0-9]+)*', autocomplete: 'off' });
  const control = field('adres', 'Adres', input, { help: 'Kleine letters, cijfers en koppeltekens.' });
  const shown = h('span', null);
  const showAddress = (slug) => shown.replaceChildren(slug ? h('code', null, `/materialen/${slug}`) : 'volgt uit de titel');
  const note = h('p', { class: 'muted', 'aria-live': 'polite' });
  let manual = false;
  let checking = 0;

  const current = () => input.value.trim();
  const say = (...text) => note.replaceChildren(...text);
  async function verify() {
    const slug = current();
    const round = ++checking;
    control.show([]);
    showAddress(slug);
    if (!slug || !input.checkValidity() || !(await taken(slug)) || round !== checking) return say();
    let free = 2;
    while (free < 50 && await taken(`${slug}-${free}`)) free += 1;
    if (round !== checking) return;
    if (!manual) {
      input.value = `${slug}-${free}`;
      showAddress(input.value);
      say(`Er is al een materiaal met het adres ‘${slug}’; dit materiaal krijgt ‘${input.value}’.`);
    } else {
      say(h('span', { class: 'field-error' }, `Er bestaat al een materiaal met het adres ‘${slug}’. `),
        h('button', { type: 'button', class: 'link', onclick: () => { input.value = `${slug}-${free}`; changed(); } },
          `Gebruik ‘${slug}-${free}’`));
    }
    onChange();
  }
  let typing = 0;
  const changed = () => { clearTimeout(typing); typing = setTimeout(verify, 400); onChange(); };
  titleInput.addEventListener('input', () => { if (!manual) { input.value = slugOf(titleInput.value); changed(); } });
  input.addEventListener('input', () => { manual = true; changed(); });
  const edit = h('div', { hidden: true }, control.element);
  const open = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'wijzig adres');
  const reveal = () => {
    edit.hidden = false;
    open.setAttribute('aria-expanded', 'true');
  };
  open.addEventListener('click', () => {
    edit.hidden = !edit.hidden;
    open.setAttribute('aria-expanded', String(!edit.hidden));
    if (!edit.hidden) input.focus();
  });
  verify();

  return {
    element: h('div', { class: 'address' }, h('p', null, 'Adres: ', shown, ' ', open), note, edit),
    get: current,
    // An error of the address from a save: opened to change, with what is wrong with it.
    show(rows) {
      reveal();
      control.show(rows);
    },
    // An address given (a FAQ list the helpdesk drafted): kept, whatever the title becomes.
    set(slug) {
      manual = true;
      input.value = slug;
      verify();
    },
    // Taken after all (a 409): said as when typed, with a free variant to take.
    refused() {
      manual = true;
      reveal();
      return verify();
    },
  };
}
