// The search box, with suggestions as you type: an ARIA combobox over GET /api/suggest (arrows, Enter,
// Escape). A suggestion that is a page opens it; one that is a word searches for it.
import { api } from '../api.js';
import { h, pageOf } from '../dom.js';

const kindLabels = { material: 'materiaal', question: 'vraag', theme: 'thema', acronym: 'afkorting' };

// search(q): what Enter and a suggestion that is a word do.
export function searchBox(search) {
  const input = h('input', {
    type: 'search', id: 'q', name: 'q', autocomplete: 'off', spellcheck: 'false',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'suggesties',
    'aria-describedby': 'q-uitleg',
  });
  const listbox = h('ul', { id: 'suggesties', role: 'listbox', class: 'suggestions', 'aria-label': 'Suggesties', hidden: true });
  const form = h('form', { role: 'search', class: 'searchbox', action: '/zoeken' },
    h('div', { class: 'field' },
      h('label', { for: 'q' }, 'Zoek in de materialenbank'),
      input, listbox,
      h('span', { id: 'q-uitleg', class: 'muted' }, 'Woorden, een afkorting (HGD, PGZ) of een vraag.')),
    h('button', { type: 'submit' }, 'Zoeken'));
  let typing = null;
  let pending = null;

  async function suggest() {
    pending?.abort();
    const q = input.value.trim();
    if (q.length === 0) return close();
    pending = new AbortController();
    let answer;
    try {
      answer = await api('/api/suggest?q=' + encodeURIComponent(q), { signal: pending.signal });
    } catch {
      return;
    }
    listbox.replaceChildren(...answer.suggestions.map((s, i) => h('li', {
      id: `suggestie-${i}`, role: 'option', 'aria-selected': 'false', 'data-url': s.url, 'data-text': s.text,
      onmousedown: (e) => e.preventDefault(), onclick: (e) => choose(e.currentTarget),
    }, h('span', null, s.text, s.detail && h('span', { class: 'muted' }, ` (${s.detail})`)),
      h('span', { class: 'kind' }, kindLabels[s.kind] ?? s.kind))));
    const open = answer.suggestions.length > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    input.removeAttribute('aria-activedescendant');
  }

  function close() {
    pending?.abort();
    clearTimeout(typing);
    listbox.hidden = true;
    listbox.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function choose(option) {
    const url = option.dataset.url;
    if (url) {
      close();
      location.assign(url.startsWith('/materials/') ? pageOf(url, { source: 'search' }) : pageOf(url));
    } else {
      search(option.dataset.text);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const active = listbox.querySelector('[aria-selected=true]');
    if (active) return choose(active);
    search(input.value.trim());
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(suggest, 60);
  });
  input.addEventListener('keydown', (event) => {
    const options = [...listbox.children];
    if (event.key === 'Escape') return close();
    if (listbox.hidden || options.length === 0 || !['ArrowDown', 'ArrowUp'].includes(event.key)) return;
    event.preventDefault();
    const index = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    const next = event.key === 'ArrowDown' ? (index + 1) % options.length : (index <= 0 ? options.length - 1 : index - 1);
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
    input.setAttribute('aria-activedescendant', options[next].id);
  });
  input.addEventListener('blur', () => setTimeout(close, 0));

  return { form, input, close };
}
