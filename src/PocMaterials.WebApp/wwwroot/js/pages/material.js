// /materialen/{slug}: one material. How the reader got here (source, searchId, position, the question
// in the #anchor) goes to the API, which records the view; the address bar then keeps only the
// material, so a reload or a shared link counts as a direct view.
import { api } from '../api.js';
import { h, safeHtml, dateNl, pageOf, materialPage, show, titled, contactCard, failure, fileSize } from '../dom.js';
import { session } from '../shell.js';
import { feedbackForm, answerVotes } from '../feedback/vote.js';
import { askCard } from '../helpdesk/ask.js';

// A stray % (a hand-typed #100%-zeker) is taken as written rather than stopping the page.
const decoded = (text) => { try { return decodeURIComponent(text); } catch { return text; } };
const slug = decoded(location.pathname.split('/')[2] ?? '');
const anchor = decoded(location.hash.slice(1));
const tracking = new URLSearchParams();
for (const name of ['source', 'searchId', 'position']) {
  const value = new URLSearchParams(location.search).get(name);
  if (value) tracking.set(name, value);
}
if (anchor) tracking.set('anchor', anchor);

async function load() {
  const path = '/api/materials/' + encodeURIComponent(slug);
  try {
    return await api(path + (tracking.size ? '?' + tracking : ''));
  } catch (error) {
    // A link with someone else's searchId: open the material all the same, as a direct view.
    if (error.status === 400 && tracking.size) return api(path + (anchor ? '?anchor=' + encodeURIComponent(anchor) : ''));
    throw error;
  }
}

const labels = (items, href) => h('ul', { class: 'tags' }, items.map((item) => h('li', null, h('a', { href: href(item) }, item.label))));

function tableOfContents(body) {
  const headings = [...body.querySelectorAll('h2[id], h3[id]')];
  // Only long texts need one: a few headings are seen at a glance.
  if (headings.length < 4) return null;
  return h('nav', { class: 'card toc', 'aria-labelledby': 'inhoud-titel' },
    h('h2', { id: 'inhoud-titel' }, 'Inhoud'),
    h('ol', null, headings.map((heading) => h('li', { class: heading.tagName === 'H3' ? 'sub' : null },
      h('a', { href: '#' + heading.id }, heading.textContent)))));
}

// Each FAQ question is an address of its own: a link beside it to copy or share.
function questionLinks(body, questions) {
  for (const question of questions) {
    const heading = body.querySelector(`[id="${CSS.escape(question.anchor)}"]`);
    heading?.append(' ', h('a', { class: 'anchor', href: '#' + question.anchor, 'aria-label': 'Link naar deze vraag' }, '#'));
  }
}

function render(material) {
  titled(material.title);
  const body = h('div', { class: 'body' });
  body.append(safeHtml(material.html));
  const contents = tableOfContents(body);
  questionLinks(body, material.questions);
  answerVotes(body, material.slug, material.questions);
  // A wide table or code block scrolls sideways on a phone; being focusable lets the keyboard scroll it.
  for (const wide of body.querySelectorAll('table, pre')) wide.tabIndex = 0;
  const meta = [material.type.label, material.updated && `Laatst bijgewerkt: ${dateNl(material.updated)}`].filter(Boolean).join(' · ');
  const aside = h('aside', { 'aria-label': 'Over dit materiaal' },
    contactCard(material.contact),
    material.attachments.length > 0 && h('section', { class: 'card', 'aria-labelledby': 'bijlagen-titel' },
      h('h2', { id: 'bijlagen-titel' }, 'Bijlagen'),
      h('ul', { class: 'list' }, material.attachments.map((file) => h('li', null,
        h('a', { href: file.url }, file.name), h('span', { class: 'muted' }, ` (${fileSize(file.size)})`))))),
    material.related.length > 0 && h('section', { class: 'card', 'aria-labelledby': 'verwant-titel' },
      h('h2', { id: 'verwant-titel' }, 'Verwante materialen'),
      h('ul', { class: 'list' }, material.related.map((other) => h('li', null,
        h('a', { href: materialPage(other.slug, { source: 'related' }) }, other.title),
        h('span', { class: 'muted' }, ` · ${other.type.label}`))))));
  const edit = h('p', { class: 'edit-link' });
  session.then((me) => me.editor && edit.append(
    h('a', { class: 'button secondary', href: '/redactie/materialen/' + encodeURIComponent(material.slug) }, 'Bewerken')));
  show(
    h('h1', null, material.title),
    edit,
    h('p', { class: 'muted' }, meta),
    material.dueForReview && h('p', { class: 'notice warn', role: 'note' },
      h('strong', null, 'Wordt herzien. '),
      `Dit materiaal moest tegen ${dateNl(material.reviewBy)} nagekeken worden en kan verouderd zijn.`,
      material.contact ? ` Twijfel je? Vraag het ${material.contact.name}.` : ''),
    material.summary && h('p', null, material.summary),
    (material.themes.length > 0 || material.coreProcesses.length > 0) && h('div', null,
      material.themes.length > 0 && h('div', null, h('span', { class: 'muted' }, "Thema's: "),
        labels(material.themes, (t) => '/themas/' + encodeURIComponent(t.id))),
      material.coreProcesses.length > 0 && h('div', null, h('span', { class: 'muted' }, 'Kernprocessen: '),
        labels(material.coreProcesses, (c) => '/zoeken?core_process=' + encodeURIComponent(c.id)))),
    h('div', { class: 'material' }, h('div', null, contents, h('article', { 'aria-label': material.title }, body),
      feedbackForm(material.slug, ''),
      askCard({ theme: material.themes[0]?.id, material, intro: 'Vind je hier geen antwoord? Het aanspreekpunt van het thema helpt je.' })),
    aside));
  if (material.slug !== slug || tracking.has('source')) {
    history.replaceState(null, '', pageOf('/materials/' + encodeURIComponent(material.slug)) + location.hash);
  }
  const target = anchor && document.getElementById(anchor);
  if (target) {
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }
}

load().then(render, (error) => show(h('h1', null, 'Materiaal'), failure(error)));
