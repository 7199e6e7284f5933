// What the definitions screens share: JSON saves with the file's ETag, and the API's refusals in Dutch at their field,
// with the materials, themes and months that still use what the editor wanted to change.
import { request } from '../api.js';
import { h, monthNl } from '../dom.js';
import { errorSentence } from '../messages.js';

const quoted = (value) => `“${value}”`;

// Who uses an id that a change takes away: a material, a theme or a month of the calendar, as a link to fix it.
function user(error) {
  const file = error.file ?? '';
  const name = file.split('/').pop().replace(/\.md$/, '');
  if (file.startsWith('themes/')) return h('a', { href: '/redactie/themas/' + encodeURIComponent(name) }, 'thema ' + name);
  if (file.endsWith('newsletter.yml')) return h('a', { href: '/redactie/kalender' }, 'de kalender: ' + monthNl(error.field));
  return h('a', { href: '/redactie/materialen/' + encodeURIComponent(name) }, 'materiaal ' + name);
}

// A refusal as Dutch sentences: in use (with its users), at a field (messages.js), or the status's own.
export function refusal(error) {
  const fieldErrors = error.problem?.fieldErrors ?? [];
  const inUse = fieldErrors.filter((e) => e.code === 'in-use');
  const others = fieldErrors.filter((e) => e.code !== 'in-use');
  const byStatus = {
    404: 'Dit bestaat niet (meer). Laad de pagina opnieuw.',
    409: error.problem?.code === 'exists' ? 'Dit bestaat al.' : 'Dit kan niet in de toestand waarin het nu is.',
    412: 'Iemand anders wijzigde dit intussen. Laad de pagina opnieuw en doe je wijziging nog eens.',
  };
  return h('div', { class: 'notice error', role: 'alert' },
    inUse.length > 0 && [h('p', null, `Niet bewaard: ${quoted(inUse[0].values.value)} is nog in gebruik. Pas eerst dit aan:`),
      h('ul', null, inUse.map((e) => h('li', null, user(e))))],
    others.length === 1 && h('p', { 'data-field': others[0].field }, 'Niet bewaard: ' + errorSentence(others[0])),
    others.length > 1 && [h('p', null, 'Niet bewaard:'),
      h('ul', null, others.map((e) => h('li', { 'data-field': e.field }, errorSentence(e))))],
    fieldErrors.length === 0 && h('p', null, byStatus[error.status] ?? 'Niet bewaard: er ging iets mis. Probeer het opnieuw.'));
}

// The definition files' ETags, by the address that gave them, so that every save names the version the editor saw.
const etags = new Map();

export async function load(path) {
  const response = await request(path);
  etags.set(path, response.headers.get('ETag'));
  return response.json();
}

// Sends a change with the ETag of the file that `from` read; the new ETag is kept for the next change.
export async function save(path, { method = 'PUT', body, from } = {}) {
  const tag = from && etags.get(from);
  const response = await request(path, {
    method, type: body === undefined ? undefined : 'application/json', body: body === undefined ? undefined : JSON.stringify(body),
    headers: tag ? { 'If-Match': tag } : {},
  });
  if (from) etags.set(from, response.headers.get('ETag'));
  return response;
}

export const words = (text) => text.split(',').map((w) => w.trim()).filter(Boolean);

export const field = (id, label, control, help) => h('div', { class: 'field' },
  h('label', { for: id }, label), control, help && h('span', { class: 'muted', id: id + '-hulp' }, help));

export const status = (id) => h('p', { id, role: 'status', class: 'muted' });

// A removal asks once more on the button itself (no dialog): a second press within the page removes.
export const removeButton = (what, remove) => h('button', { type: 'button', class: 'secondary', onclick: (event) => {
  const button = event.currentTarget;
  if (button.dataset.sure) return remove();
  button.dataset.sure = 'ja';
  button.textContent = `Ja, verwijder ${what}`;
} }, 'Verwijder');
