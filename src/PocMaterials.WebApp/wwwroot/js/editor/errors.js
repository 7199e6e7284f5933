// A material file's errors as the API gives them (fieldErrors: field, code, values, line), each worded in Dutch by
// messages.js: those of the address apart from those of the file, and a list of them with a way to each line.
import { h } from '../dom.js';
import { errorSentence } from '../messages.js';

const isSlugRow = (row) => row.field === 'slug' || row.field.startsWith('body.slug');

export const slugRows = (fieldErrors) => (fieldErrors ?? []).filter(isSlugRow);
export const fileRows = (fieldErrors) => (fieldErrors ?? []).filter((row) => !isSlugRow(row))
  .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

// goToLine(n) shows line n of the file wherever it is being edited; without it no line is offered.
export const errorList = (rows, goToLine) => h('ul', null, rows.map((row) => h('li', { 'data-field': row.field },
  errorSentence(row),
  goToLine && row.line && [' ', h('button', { type: 'button', class: 'link', onclick: () => goToLine(row.line) }, `regel ${row.line}`)])));
