// A material file's errors as the API gives them: by field, each message "file line N: ...". Those of the
// address apart from those of the file, and a list of them with a way to each line.
import { h } from '../dom.js';

const fieldLabel = (field) => field === 'slug' ? 'adres' : field;

const rowsOf = (byField) => Object.entries(byField ?? {})
  .flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
const isSlugRow = (row) => row.field === 'slug' || row.field.startsWith('body.slug');
const lineOf = (row) => Number(/line (\d+)/.exec(row.message)?.[1] ?? 0);

export const slugRows = (byField) => rowsOf(byField).filter(isSlugRow);
export const fileRows = (byField) => rowsOf(byField).filter((row) => !isSlugRow(row)).sort((a, b) => lineOf(a) - lineOf(b));

// goToLine(n) shows line n of the file wherever it is being edited.
export const errorList = (rows, goToLine) => h('ul', null, rows.map(({ field, message }) => {
  const line = /line (\d+)/.exec(message)?.[1];
  return h('li', { 'data-field': field },
    h('strong', null, fieldLabel(field) + ': '), message.replace(/^\S+ line \d+: /, ''),
    line && [' ', h('button', { type: 'button', class: 'link', onclick: () => goToLine(Number(line)) }, `regel ${line}`)]);
}));
