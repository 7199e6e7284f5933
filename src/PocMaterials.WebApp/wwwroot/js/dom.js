// Small helpers to build pages from API answers. Text always goes in as text; HTML only where the API
// promises safe HTML (a material's body, a theme's introduction, a newsletter).
import { dateNl, monthNl } from './dates.js';

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return element;
}

const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (text) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity]);

// A search snippet is escaped text with <mark> around the matches: only those become elements,
// everything else, whatever it looks like, is text.
export function marked(snippet) {
  const nodes = [];
  let inMark = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') inMark = true;
    else if (part === '</mark>') inMark = false;
    else if (part) nodes.push(inMark ? h('mark', null, decode(part)) : decode(part));
  }
  return nodes;
}

// HTML the API rendered from Markdown without raw HTML or script links; a template runs nothing.
export function safeHtml(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

export const fileSize = (bytes) => bytes < 1024 * 1024
  ? `${Math.max(1, Math.round(bytes / 1024))} kB`
  : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

// Dates in Dutch: one module for pages and the editor.
export { dateNl, monthNl };

// The page of an API address: /materials/{slug} opens /materialen/{slug}, /themes/{id} /themas/{id}.
export function pageOf(apiUrl, tracking) {
  const url = new URL(apiUrl, location.origin);
  const path = url.pathname.replace(/^\/materials\//, '/materialen/').replace(/^\/themes\//, '/themas/');
  const query = new URLSearchParams(url.search);
  for (const [name, value] of Object.entries(tracking ?? {})) if (value != null) query.set(name, value);
  const search = query.toString();
  return path + (search ? '?' + search : '') + url.hash;
}

export const materialPage = (slug, tracking) => pageOf('/materials/' + encodeURIComponent(slug), tracking);

// Parts left out (null, false: `condition && part`) are left out, not shown as words.
export function show(...children) {
  document.getElementById('Inhoud').replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false));
}

export function titled(title) {
  document.title = `${title} · Materialenbank POC+`;
}

export function contactCard(contact, heading = 'Aanspreekpunt') {
  if (!contact) return null;
  return h('section', { class: 'card contact', 'aria-labelledby': 'contact-titel' },
    h('h2', { id: 'contact-titel' }, heading),
    h('p', null, h('strong', null, contact.name)),
    contact.role && h('p', null, contact.role),
    contact.email && h('p', null, 'Mail: ', h('a', { href: 'mailto:' + contact.email }, contact.email)),
    contact.phone && h('p', null, 'Telefoon: ', h('a', { href: 'tel:' + contact.phone.replace(/[^+\d]/g, '') }, contact.phone)));
}

export function failure(error) {
  const text = error?.status === 404
    ? 'Dit bestaat niet, of je rol mag het niet zien.' : 'Er ging iets mis bij het laden. Probeer het opnieuw.';
  return h('p', { class: 'notice error', role: 'alert' }, text);
}

// A file chooser in Dutch: the browser's own control speaks the browser's language ("Choose File"), so it is hidden but
// still reached by Tab, and opened by a Dutch label that looks like a button, with the chosen file's name beside it.
export function fileChoice({ id, accept, describedBy, labelledBy, onChange }) {
  const none = 'Nog geen bestand gekozen.';
  const chosen = h('span', { id: id + '-gekozen', class: 'muted file-chosen' }, none);
  const input = h('input', {
    type: 'file', id, class: 'file-input', accept, 'aria-labelledby': labelledBy,
    'aria-describedby': [id + '-gekozen', describedBy].filter(Boolean).join(' '),
  });
  input.addEventListener('change', () => {
    const picked = input.files[0];
    chosen.textContent = picked ? `Gekozen: ${picked.name}` : none;
    onChange?.(picked);
  });
  const button = h('label', { for: id, class: 'button secondary' }, 'Kies een bestand');
  return { input, element: h('div', { class: 'file-choice' }, input, button, chosen) };
}
