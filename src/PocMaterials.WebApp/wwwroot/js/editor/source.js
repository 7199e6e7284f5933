// A material's file in a text area beside its preview, checked live once typing pauses: the API checks the
// text as a save would and renders its body as the material page will. Nothing is written; a check
// overtaken by more typing is dropped.
import { request } from '../api.js';
import { h, safeHtml } from '../dom.js';
import { errorList, fileRows } from './errors.js';

// checkedAs(): the address the text is checked under (a new material's own may not be valid yet).
export function sourceEditor(checkedAs) {
  const source = h('textarea', {
    id: 'bron', rows: 24, spellcheck: 'true', 'aria-describedby': 'bron-fouten bron-controle bron-uitleg',
  });
  // Under the text: a save's errors, the live check's, and whether the file is valid.
  const errors = h('div', { id: 'bron-fouten' });
  const checked = h('div', { id: 'bron-controle' });
  const validity = h('p', { class: 'muted', 'aria-live': 'polite' });
  const previewArea = h('div', { class: 'body preview', id: 'voorbeeld' });
  let typing = 0;
  let checking = null;

  function goToLine(line) {
    const lines = source.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    source.focus();
    source.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  async function check() {
    checking?.abort();
    checking = new AbortController();
    let answer;
    try {
      const response = await request(`/api/materials/${encodeURIComponent(checkedAs())}/check`,
        { method: 'POST', body: source.value, type: 'text/markdown; charset=utf-8', signal: checking.signal });
      answer = await response.json();
    } catch {
      return; // overtaken, or the server is away: saving checks again anyway
    }
    previewArea.replaceChildren(safeHtml(answer.html));
    errors.replaceChildren();
    const rows = fileRows(answer.fieldErrors);
    checked.replaceChildren(rows.length ? h('div', { class: 'notice warn' },
      h('p', null, h('strong', null, 'Nog niet geldig: '), 'zo kan het niet opgeslagen worden.'),
      errorList(rows, goToLine)) : '');
    // Announced only when it changes, not at every pause in typing.
    const summary = rows.length === 0
      ? 'Het bestand is geldig.' : `${rows.length} ${rows.length === 1 ? 'fout' : 'fouten'} in het bestand.`;
    if (validity.textContent !== summary) validity.textContent = summary;
    source.setAttribute('aria-invalid', String(rows.length > 0));
  }

  source.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(check, 300);
  });

  return {
    source, errors, checked, goToLine, check,
    // Saving checks the text itself: a live check still to come would only repeat or overwrite its answer.
    cancelCheck: () => {
      clearTimeout(typing);
      checking?.abort();
    },
    // Text loaded rather than typed is checked like typing.
    replaceText: (text) => {
      source.value = text;
      source.dispatchEvent(new Event('input'));
    },
    field: h('div', { class: 'field' }, h('label', { for: 'bron' }, 'Markdown-bestand'),
      h('small', { id: 'bron-uitleg', class: 'muted' }, 'Front matter tussen --- en daarna de tekst. Het voorbeeld toont de tekst.'),
      source, errors, checked, validity),
    preview: h('section', { 'aria-labelledby': 'voorbeeld-titel' }, h('h2', { id: 'voorbeeld-titel' }, 'Voorbeeld'), previewArea),
  };
}
