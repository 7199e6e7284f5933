// Several of a list as chips, chosen in a combobox that finds a term by its label and by its search words (typing HGD
// finds "Handelingsgerichte diagnostiek"): arrows, Enter and Escape as in any combobox, Backspace in the empty box takes
// the last chip away. With free, a typed text that is no option becomes a chip too (tags), and options are suggestions.
import { h } from '../dom.js';
import { field } from './fields.js';

const plain = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

// options: [{ value, label, words: [search words], note }]; the value is what the API stores (an id, or a tag).
export function chipField(id, label, options, { free = false, help, shown = 8 } = {}) {
  const input = h('input', {
    id, role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-opties`,
  });
  const listbox = h('ul', { id: `${id}-opties`, role: 'listbox', class: 'suggestions', 'aria-label': label, hidden: true });
  const chosen = h('ul', { class: 'chips', 'aria-label': `Gekozen: ${label.toLowerCase()}` });
  let values = [];
  let matches = [];
  let active = -1;
  const labelOf = (value) => options.find((o) => o.value === value)?.label ?? value;

  function render() {
    chosen.replaceChildren(...values.map((value) => h('li', null, labelOf(value),
      h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Verwijder ${labelOf(value)}`, onclick: () => remove(value) },
        '×'))));
  }
  function changed() {
    render();
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  function add(value) {
    const text = value.trim();
    if (text && !values.some((v) => plain(v) === plain(text))) values = [...values, text];
    input.value = '';
    close();
    changed();
  }
  function remove(value) {
    values = values.filter((v) => v !== value);
    changed();
    input.focus();
  }
  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  // The options not chosen yet whose label or a search word holds what was typed; the word that matched is shown.
  function suggest() {
    const typed = plain(input.value.trim());
    matches = options.filter((o) => !values.includes(o.value)).map((o) => {
      const word = typed && (o.words ?? []).find((w) => plain(w).includes(typed));
      return (!typed || plain(o.label).includes(typed) || word) ? { ...o, word: plain(o.label).includes(typed) ? null : word } : null;
    }).filter(Boolean).slice(0, shown);
    active = -1;
    listbox.replaceChildren(...matches.map((o, i) => h('li', {
      id: `${id}-optie-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (event) => { event.preventDefault(); add(o.value); },
    }, h('span', null, o.label), (o.word || o.note) && h('span', { class: 'kind' }, o.word ?? o.note))));
    listbox.hidden = matches.length === 0;
    input.setAttribute('aria-expanded', String(matches.length > 0));
  }
  function move(step) {
    if (listbox.hidden) suggest();
    if (matches.length === 0) return;
    active = (active + step + matches.length) % matches.length;
    [...listbox.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', `${id}-optie-${active}`);
  }

  input.addEventListener('input', (event) => { if (event.isTrusted) suggest(); });
  input.addEventListener('focus', suggest);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    const keys = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Escape: () => close(),
      Enter: () => {
        if (active >= 0) add(matches[active].value);
        else if (free && input.value.trim()) add(input.value);
        else if (matches.length === 1) add(matches[0].value);
        else return false;
      },
      Backspace: () => (input.value === '' && values.length ? remove(values.at(-1)) : false),
    };
    if (event.key === ',' && free && input.value.trim()) { event.preventDefault(); add(input.value); return; }
    if (keys[event.key] && keys[event.key]() !== false) event.preventDefault();
  });

  const control = field(id, label, h('div', { class: 'combo' }, input, listbox), { help, describes: input, extra: chosen });
  render();
  return {
    ...control,
    input,
    get: () => values.length ? values : null,
    set(list) { values = [...(list ?? [])]; render(); },
  };
}
