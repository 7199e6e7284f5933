// A dialog that finds a material by words of its title (or one of its FAQ questions) as you type, and puts a Markdown
// link to it at the cursor of a text area, or gives what was chosen to its caller (a helpdesk answer's materials). The
// link names /materials/{slug}: after a rename the API sends the old slug on to the new one (308), so it keeps working.
import { api } from '../api.js';
import { h } from '../dom.js';

// Brackets in a title would end the link text early.
const linkText = (text) => text.replace(/[[\]\\]/g, (sign) => '\\' + sign);

// Inserts text in place of the selection and tells the page, as typing would (live check, unsaved work).
export function insertAtCursor(textarea, text) {
  textarea.focus();
  textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

// Opens the dialog for textarea; resolves once it is closed, with the link inserted or null.
export async function pickMaterialLink(textarea) {
  const { selectionStart, selectionEnd } = textarea;
  const selected = textarea.value.slice(selectionStart, selectionEnd);
  const completion = await pickMaterial(selected
    ? `De link krijgt de geselecteerde tekst: ‘${selected}’.` : 'De link krijgt de titel van het materiaal.', textarea);
  textarea.focus();
  textarea.setSelectionRange(selectionStart, selectionEnd);
  const inserted = completion && `[${selected || linkText(completion.text)}](${completion.url})`;
  if (inserted) insertAtCursor(textarea, inserted);
  return inserted;
}

// Opens the dialog (help: what the choice will do); resolves once it is closed with the suggestion chosen ({ text, url,
// kind, detail } of /api/suggest) or null. The focus goes back to where it was.
export function pickMaterial(help, returnTo = document.activeElement) {
  const search = h('input', {
    id: 'link-zoeken', type: 'search', autocomplete: 'off', 'aria-describedby': 'link-uitleg link-aantal',
  });
  const count = h('p', { id: 'link-aantal', role: 'status', class: 'muted' });
  const results = h('ul', { class: 'picker-results', 'aria-labelledby': 'link-titel' });
  const dialog = h('dialog', { class: 'picker', 'aria-labelledby': 'link-titel' },
    h('h2', { id: 'link-titel' }, 'Link naar een materiaal'),
    h('div', { class: 'field' }, h('label', { for: 'link-zoeken' }, 'Zoek op woorden uit de titel'), search,
      h('small', { id: 'link-uitleg', class: 'muted' }, help)),
    count, results,
    h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Annuleren')));
  let typing = 0;
  let asking = null;
  let chosen = null;

  function choose(completion) {
    chosen = completion;
    dialog.close();
  }

  const option = (completion) => h('li', null, h('button', { type: 'button', class: 'link', onclick: () => choose(completion) },
    completion.text),
  completion.kind === 'question' && h('span', { class: 'muted' }, ` · vraag in ${completion.detail}`));

  async function find() {
    asking?.abort();
    const words = search.value.trim();
    if (!words) {
      results.replaceChildren();
      count.textContent = '';
      return;
    }
    asking = new AbortController();
    let answer;
    try {
      answer = await api('/api/suggest?q=' + encodeURIComponent(words), { signal: asking.signal });
    } catch (error) {
      if (error.name !== 'AbortError') count.textContent = 'Zoeken lukte niet. Probeer het opnieuw.';
      return;
    }
    // Themes and acronyms are no materials; a question links to its material at that question.
    const found = answer.suggestions.filter((s) => (s.kind === 'material' || s.kind === 'question') && s.url);
    results.replaceChildren(...found.map(option));
    count.textContent = found.length === 0 ? 'Geen materiaal gevonden met die woorden.'
      : `${found.length} ${found.length === 1 ? 'resultaat' : 'resultaten'}: kies er een om de link in te voegen.`;
  }

  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(find, 150);
  });
  // Enter in the search field takes the first result rather than submitting anything.
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    results.querySelector('button')?.click();
  });

  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      clearTimeout(typing);
      asking?.abort();
      dialog.remove();
      returnTo?.focus();
      resolve(chosen);
    });
    (document.querySelector('main') ?? document.body).append(dialog);
    // Modal: the page behind cannot be reached while it is open, and Escape closes it.
    dialog.showModal();
    search.focus();
  });
}
