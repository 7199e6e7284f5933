// A small Markdown toolbar over a text area: headings, bold, italic, lists, link, table, quote, and "Vraag toevoegen"
// (a FAQ question as the content format wants it: a level-2 heading, its answer up to the next one). Each button edits
// the text as typing would (undo works, the live check follows). onLink({ text, insert }) lets a link picker choose the
// address; without one the selection becomes [text](url) with url selected to type over.
import { h } from '../dom.js';

// Replaces start..end with text and selects from+selectFrom to from+selectTo within it (the whole text by default).
function replace(textarea, start, end, text, selectFrom = text.length, selectTo = selectFrom) {
  textarea.focus();
  textarea.setSelectionRange(start, end);
  // insertText keeps the browser's undo history; setRangeText is the fallback where it is gone.
  if (!document.execCommand('insertText', false, text)) {
    textarea.setRangeText(text, start, end, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
  textarea.setSelectionRange(start + selectFrom, start + selectTo);
}

// The selection between before and after; an empty one gets the placeholder, selected to type over.
function wrap(textarea, before, after, placeholder) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const inner = value.slice(start, end) || placeholder;
  replace(textarea, start, end, before + inner + after, before.length, before.length + inner.length);
}

// Every line the selection touches starts with prefix(n) (n counting from 1).
function prefixLines(textarea, prefix) {
  const { selectionStart, selectionEnd, value } = textarea;
  const start = value.lastIndexOf('\n', selectionStart - 1) + 1;
  const end = Math.max(selectionEnd, start);
  const lines = value.slice(start, end).split('\n');
  const text = lines.map((line, i) => prefix(i + 1) + line).join('\n');
  replace(textarea, start, end, text, text.length);
}

// A block of its own lines at the cursor (after the line it is on), with text in it selected from..to.
function block(textarea, text, from, to) {
  const { selectionEnd, value } = textarea;
  const lineEnd = value.indexOf('\n', selectionEnd);
  const at = lineEnd < 0 ? value.length : lineEnd;
  const before = at === 0 ? '' : value.slice(0, at).endsWith('\n\n') ? '' : value.slice(0, at).endsWith('\n') ? '\n' : '\n\n';
  replace(textarea, at, at, before + text, before.length + from, before.length + to);
}

const question = 'Nieuwe vraag?';

export function markdownToolbar(textarea, { onLink } = {}) {
  const link = () => {
    const { selectionStart: start, selectionEnd: end, value } = textarea;
    const text = value.slice(start, end);
    if (onLink) {
      onLink({ text, insert: (markdown) => replace(textarea, start, end, markdown) });
      return;
    }
    const shown = text || 'tekst';
    replace(textarea, start, end, `[${shown}](url)`, shown.length + 3, shown.length + 6);
  };
  const buttons = [
    ['Kop', () => prefixLines(textarea, () => '## ')],
    ['Subkop', () => prefixLines(textarea, () => '### ')],
    ['Vet', () => wrap(textarea, '**', '**', 'vette tekst')],
    ['Cursief', () => wrap(textarea, '_', '_', 'schuine tekst')],
    ['Opsomming', () => prefixLines(textarea, () => '- ')],
    ['Genummerde lijst', () => prefixLines(textarea, (n) => `${n}. `)],
    ['Link', link],
    ['Tabel', () => block(textarea, '| Kolom 1 | Kolom 2 |\n| --- | --- |\n| Tekst | Tekst |\n', 2, 9)],
    ['Citaat', () => prefixLines(textarea, () => '> ')],
    ['Vraag toevoegen', () => block(textarea, `## ${question}\n\nAntwoord.\n`, 3, 3 + question.length)],
  ];
  return h('div', { class: 'md-toolbar', role: 'toolbar', 'aria-label': 'Opmaak van de tekst', 'aria-controls': textarea.id },
    buttons.map(([text, action]) => h('button', { type: 'button', class: 'secondary', onclick: action }, text)));
}
