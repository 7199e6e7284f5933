// The report pages' parts: a titled card and a table.
import { h } from '../dom.js';

export const section = (id, title, ...content) =>
  h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...content);

// A table scrolls sideways on a phone; being focusable lets the keyboard scroll it.
export const table = (caption, heads, rows) => h('table', { class: 'table', tabindex: '0' },
  h('caption', { class: 'visually-hidden-heading' }, caption),
  h('thead', null, h('tr', null, heads.map((c) => h('th', { scope: 'col' }, c)))),
  h('tbody', null, rows));

export const none = (text) => h('p', { class: 'muted' }, text);
