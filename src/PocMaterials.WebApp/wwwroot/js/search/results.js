// The results of a search: "Bedoelde je ...?", the count and the sort, the hits with the API's snippets and
// FAQ questions, what to try when nothing is found, and the pages.
import { problemText } from '../api.js';
import { h, marked, dateNl, pageOf, materialPage } from '../dom.js';
import { facetNames, noFilters, pageSize, urlOf } from './query.js';
import { askCard } from '../helpdesk/ask.js';

// The API pages no further than its 1000th result.
const lastPage = (total) => Math.min(Math.ceil(total / pageSize), Math.floor(1000 / pageSize));

// navigate(next): searches next, the URL following. A link opened in a new tab or window loads its page.
const follow = (next, navigate) => (event) => {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(next);
  document.getElementById('Inhoud').focus();
};

// The content of the results section. searchId: that of the search's first page, carried by the hits' links.
export function resultList(current, answer, searchId, navigate) {
  const children = [h('h2', { id: 'resultaten-titel', class: 'visually-hidden-heading' }, 'Resultaten')];
  if (answer.didYouMean) {
    const meant = { ...current, q: answer.didYouMean, page: 1 };
    children.push(h('p', { class: 'notice' }, 'Bedoelde je ',
      h('a', { href: urlOf(meant), onclick: follow(meant, navigate) }, answer.didYouMean), '?'));
  }
  children.push(toolbar(current, answer.total, navigate));
  if (answer.hits.length === 0 && answer.total > 0) {
    const last = { ...current, page: lastPage(answer.total) };
    children.push(h('p', { class: 'notice' }, `Deze pagina bestaat niet: er zijn ${answer.total} resultaten. `,
      h('a', { href: urlOf(last), onclick: follow(last, navigate) }, `Naar pagina ${last.page}`)));
  } else if (answer.hits.length === 0) children.push(empty(current));
  children.push(hitList(current, answer, searchId));
  // Few or no results: a question to POC+ instead, about the theme the search is filtered on or finds most.
  if (answer.total < 3) {
    const theme = current.filters.theme[0] ?? [...(answer.facets.theme ?? [])].sort((a, b) => b.count - a.count)[0]?.id;
    children.push(askCard({ theme, material: null, intro: 'Niet gevonden wat je zocht? Het aanspreekpunt van het thema helpt je.' }));
  }
  const pages = pager(current, answer.total, navigate);
  // One page has no pager; a null given to replaceChildren would show as the text "null".
  if (pages) children.push(pages);
  return children;
}

function toolbar(current, total, navigate) {
  const range = `Resultaat ${(current.page - 1) * pageSize + 1}–${Math.min(total, current.page * pageSize)} van ${total}`;
  return h('div', { class: 'toolbar' },
    h('p', { class: 'muted' }, total > 0 ? range : ''),
    h('p', null, h('label', { for: 'sorteer' }, 'Sorteren: '),
      h('select', { id: 'sorteer', onchange: (e) => navigate({ ...current, sort: e.target.value, page: 1 }) },
        h('option', { value: 'relevance', selected: current.sort === 'relevance' }, 'Meest relevant'),
        h('option', { value: 'updated', selected: current.sort === 'updated' }, 'Laatst bijgewerkt'))));
}

function hitList(current, answer, searchId) {
  const typeLabels = Object.fromEntries((answer.facets.type ?? []).map((f) => [f.id, f.label]));
  const tracking = (hit) => ({ source: 'search', searchId: current.q ? searchId : null, position: hit.position });
  const meta = (hit) => [typeLabels[hit.type] ?? hit.type, hit.updated && `bijgewerkt ${dateNl(hit.updated)}`].filter(Boolean).join(' · ');
  return h('ol', { class: 'hits', start: (current.page - 1) * pageSize + 1 }, answer.hits.map((hit) => h('li', { class: 'hit card' },
    h('h3', null, h('a', { href: materialPage(hit.slug, tracking(hit)) }, hit.title)),
    h('p', { class: 'meta' }, meta(hit)),
    hit.snippet && h('p', { class: 'snippet' }, marked(hit.snippet)),
    hit.questions.length > 0 && h('ul', { class: 'questions', 'aria-label': `Vragen in ${hit.title}` },
      hit.questions.map((question) => h('li', null, h('a', { href: pageOf(question.url, tracking(hit)) }, question.question)))))));
}

function empty(current) {
  const filtered = facetNames.some(([name]) => current.filters[name].length > 0);
  return h('div', { class: 'notice' },
    h('p', null, h('strong', null, current.q ? `Niets gevonden voor ‘${current.q}’.` : 'Geen materialen met deze filters.')),
    h('ul', null,
      filtered && h('li', null, h('a', { href: urlOf({ ...current, filters: noFilters(), page: 1 }) }, 'Zoek zonder filters')),
      h('li', null, 'Gebruik minder of andere woorden, of een afkorting voluit (of net de afkorting).'),
      h('li', null, 'Kijk de schrijfwijze na.'),
      h('li', null, 'Blader per ', h('a', { href: '/themas' }, 'thema'), '.')));
}

function pager(current, total, navigate) {
  const pages = lastPage(total);
  if (pages <= 1) return null;
  const link = (page, text, label) => h('li', null, page === current.page
    ? h('span', { 'aria-current': 'page' }, text)
    : h('a', { href: urlOf({ ...current, page }), 'aria-label': label, onclick: follow({ ...current, page }, navigate) }, text));
  const shown = [...new Set([1, current.page - 1, current.page, current.page + 1, pages])]
    .filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return h('nav', { 'aria-label': 'Pagina’s' }, h('ul', { class: 'pager' },
    current.page > 1 && link(current.page - 1, 'Vorige', 'Vorige pagina'),
    shown.map((p) => link(p, String(p), `Pagina ${p}`)),
    current.page < pages && link(current.page + 1, 'Volgende', 'Volgende pagina')));
}

// A search the API refuses (a filter that no longer exists in a shared link, a page too far, a query too
// long): what it said, and a way on.
export function refused(current, error) {
  return h('div', { class: 'notice error', role: 'alert' },
    h('p', null, h('strong', null, 'Deze zoekopdracht kan niet. '), problemText(error)),
    h('ul', null,
      h('li', null, h('a', { href: urlOf({ ...current, filters: noFilters(), page: 1 }) }, 'Zoek zonder filters')),
      current.page > 1 && h('li', null, h('a', { href: urlOf({ ...current, page: 1 }) }, 'Naar de eerste pagina'))));
}
