// The form's fields: each a label, its control, a line of help and its errors in Dutch under it (tied to the control by
// aria-describedby, marked by aria-invalid). get() gives the value as the API takes it, set() shows one it gave.
import { h } from '../dom.js';
import { dateNl, parseDateNl } from '../dates.js';
import { errorSentence } from '../messages.js';

// A control in its field: label, help and errors; show(errors) puts the API's errors of this field under it.
export function field(id, label, control, { help, extra, describes = control } = {}) {
  const errors = h('div', { id: `${id}-fouten`, class: 'field-errors' });
  const helpText = help && h('small', { id: `${id}-uitleg`, class: 'muted' }, help);
  describes.setAttribute('aria-describedby', [help && `${id}-uitleg`, `${id}-fouten`].filter(Boolean).join(' '));
  return {
    element: h('div', { class: 'field' }, h('label', { for: id }, label), control, extra, helpText, errors),
    focus: () => describes.focus(),
    show(rows) {
      errors.replaceChildren(...rows.map((row) => h('p', { class: 'field-error' }, errorSentence(row))));
      describes.setAttribute('aria-invalid', String(rows.length > 0));
    },
  };
}

// A text with a counter to its limit (from the form data); multiline for a summary.
export function textField(id, label, { limit, multiline, help } = {}) {
  const input = h(multiline ? 'textarea' : 'input', { id, rows: multiline ? 3 : null, maxlength: null });
  const counter = h('small', { class: 'counter muted', 'aria-live': 'polite' });
  const count = () => {
    const length = [...input.value].length;
    counter.textContent = `${length} van ${limit} tekens`;
    counter.classList.toggle('over', length > limit);
  };
  input.addEventListener('input', count);
  const control = field(id, label, input, { help, extra: limit && counter });
  return {
    ...control,
    input,
    get: () => input.value.trim() || null,
    set(value) { input.value = value ?? ''; if (limit) count(); },
  };
}

// One of a list, by its label; "" (the empty option) is none.
export function selectField(id, label, options, { empty, help } = {}) {
  const select = h('select', { id });
  const control = field(id, label, select, { help });
  const fill = (value) => {
    const known = options.some((o) => o.value === value);
    select.replaceChildren(h('option', { value: '' }, empty), ...options.map((o) => h('option', { value: o.value }, o.label)),
      ...(value && !known ? [h('option', { value }, value)] : []));
    select.value = value ?? '';
  };
  fill(null);
  return { ...control, input: select, get: () => select.value || null, set: fill };
}

// A date typed as dd-mm-jjjj and shown as "14 september 2026"; sent as yyyy-MM-dd, or as typed when it is no date
// (so the check says so at the field, in Dutch).
export function dateField(id, label, { help = 'Typ als dd-mm-jjjj, bijvoorbeeld 14-09-2026.' } = {}) {
  const input = h('input', { id, inputmode: 'numeric', autocomplete: 'off', placeholder: 'dd-mm-jjjj' });
  const control = field(id, label, input, { help });
  const normalise = () => {
    const iso = parseDateNl(input.value);
    if (iso) input.value = dateNl(iso);
  };
  input.addEventListener('change', normalise);
  return {
    ...control,
    input,
    get: () => input.value.trim() ? parseDateNl(input.value) ?? input.value.trim() : null,
    set(iso) { input.value = iso ?? ''; normalise(); },
  };
}
