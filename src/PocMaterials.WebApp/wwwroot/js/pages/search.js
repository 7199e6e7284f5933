// /zoeken: one box with suggestions, results with snippets and FAQ questions, facets, sorting and
// paging. The query, filters, sort and page live in the URL, so a result list can be shared.
import { api, problemText } from '../api.js';
import { h, marked, dateNl, pageOf, materialPage, show, failure } from '../dom.js';
import { session } from '../shell.js';

const pageSize = 10;
const facetNames = [['type', 'Soort'], ['core_process', 'Kernproces'], ['theme', "Thema"], ['domain', 'Domein']];
const kindLabels = { material: 'materiaal', question: 'vraag', theme: 'thema', acronym: 'afkorting' };

const state = () => {
  const query = new URLSearchParams(location.search);
  return {
    q: query.get('q') ?? '',
    filters: Object.fromEntries(facetNames.map(([name]) => [name, query.getAll(name)])),
    sort: query.get('sort') === 'updated' ? 'updated' : 'relevance',
    page: Math.max(1, parseInt(query.get('page') ?? '1', 10) || 1),
  };
};

function urlOf({ q, filters, sort, page }) {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  for (const [name, values] of Object.entries(filters)) for (const v of values) query.append(name, v);
  if (sort !== 'relevance') query.set('sort', sort);
  if (page > 1) query.set('page', page);
  const text = query.toString();
  return '/zoeken' + (text ? '?' + text : '');
}

// Answers and search ids are kept per signed-in user: whoever signs in next in this tab never gets an
// earlier user's list from the back button, nor their search ids (which the API refuses from anyone else).
const viewer = session.then((me) => me.subject, () => null);
const kept = (key) => JSON.parse(sessionStorage.getItem(key) ?? 'null');
const keep = (key, value) => {
  try { sessionStorage.setItem(key, JSON.stringify(value)); } catch { /* full: only the back button gets slower */ }
};
// The searchId of a first page, kept for its later pages (never in the URL: it is the searcher's own).
let searchIds = {};
viewer.then((who) => { if (who !== null) searchIds = { ...kept('searchIds:' + who), ...searchIds }; });
const keyOf = (s) => urlOf({ ...s, page: 1 });

const input = h('input', {
  type: 'search', id: 'q', name: 'q', autocomplete: 'off', spellcheck: 'false',
  role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'suggesties',
  'aria-describedby': 'q-uitleg',
});
const listbox = h('ul', { id: 'suggesties', role: 'listbox', class: 'suggestions', 'aria-label': 'Suggesties', hidden: true });
const form = h('form', { role: 'search', class: 'searchbox', action: '/zoeken' },
  h('div', { class: 'field' },
    h('label', { for: 'q' }, 'Zoek in de materialenbank'),
    input, listbox,
    h('span', { id: 'q-uitleg', class: 'muted' }, 'Woorden, een afkorting (HGD, PGZ) of een vraag.')),
  h('button', { type: 'submit' }, 'Zoeken'));
const status = h('p', { role: 'status', class: 'muted' });
const facets = h('aside', { class: 'facets', 'aria-labelledby': 'filters-titel' });
const results = h('section', { 'aria-labelledby': 'resultaten-titel' });

show(h('h1', null, 'Zoeken'), form, status, h('div', { class: 'layout' }, facets, results));

// Only the latest search renders: an earlier answer arriving late is dropped.
let latest = 0;
// The last query searched and its searchId: other filters or sort for it refine that search, not a new one.
let lastSearch = null;

async function run(current, { fromHistory = false } = {}) {
  const mine = ++latest;
  input.value = current.q;
  closeSuggestions();
  status.textContent = 'Zoeken…';
  const query = new URL(urlOf(current), location.origin).search;
  // Back from a material: show the list as it was, without recording the search a second time.
  let answer = fromHistory ? kept(`search:${await viewer}:${query}`) : null;
  if (mine !== latest) return;
  if (!answer) {
    try {
      const refines = current.page === 1 && current.q && lastSearch?.q === current.q ? '&refines=' + lastSearch.id : '';
      answer = await api('/api/search' + (query || '?') + (query ? '&' : '') + 'pageSize=' + pageSize + refines);
    } catch (error) {
      if (mine !== latest) return;
      status.textContent = '';
      results.replaceChildren(error.status === 400 ? refused(current, error) : failure(error));
      return;
    }
    if (mine !== latest) return;
  }
  const who = await viewer; // and with it, this user's earlier search ids are loaded
  if (mine !== latest) return;
  if (who !== null) keep(`search:${who}:${query}`, answer);
  if (answer.searchId) {
    lastSearch = { q: current.q, id: answer.searchId };
    searchIds[keyOf(current)] = answer.searchId;
    if (who !== null) keep('searchIds:' + who, searchIds);
  }
  render(current, answer);
}

function navigate(next) {
  history.pushState(null, '', urlOf(next));
  run(next);
}

// A search the API refuses (a filter that no longer exists in a shared link, a page too far, a query too
// long): what it said, and a way on.
function refused(current, error) {
  return h('div', { class: 'notice error', role: 'alert' },
    h('p', null, h('strong', null, 'Deze zoekopdracht kan niet. '), problemText(error)),
    h('ul', null,
      h('li', null, h('a', { href: urlOf({ ...current, filters: noFilters(), page: 1 }) }, 'Zoek zonder filters')),
      current.page > 1 && h('li', null, h('a', { href: urlOf({ ...current, page: 1 }) }, 'Naar de eerste pagina'))));
}

const noFilters = () => Object.fromEntries(facetNames.map(([name]) => [name, []]));

function render(current, answer) {
  // The list is built anew: a filter or the sort keeps the focus the keyboard gave it.
  const focused = document.activeElement?.id;
  const counted = answer.total === 1 ? '1 materiaal' : `${answer.total} materialen`;
  status.textContent = current.q ? `${counted} gevonden voor ‘${current.q}’.` : `${counted}.`;
  renderFacets(current, answer.facets);
  const typeLabels = Object.fromEntries((answer.facets.type ?? []).map((f) => [f.id, f.label]));
  const searchId = searchIds[keyOf(current)];
  const tracking = (hit) => ({ source: 'search', searchId: current.q ? searchId : null, position: hit.position });
  const children = [h('h2', { id: 'resultaten-titel', class: 'visually-hidden-heading' }, 'Resultaten')];
  if (answer.didYouMean) {
    children.push(h('p', { class: 'notice' }, 'Bedoelde je ',
      h('a', { href: urlOf({ ...current, q: answer.didYouMean, page: 1 }), onclick: follow({ ...current, q: answer.didYouMean, page: 1 }) }, answer.didYouMean), '?'));
  }
  children.push(h('div', { class: 'toolbar' },
    h('p', { class: 'muted' }, answer.total > 0 ? `Resultaat ${(current.page - 1) * pageSize + 1}–${Math.min(answer.total, current.page * pageSize)} van ${answer.total}` : ''),
    h('p', null, h('label', { for: 'sorteer' }, 'Sorteren: '),
      h('select', { id: 'sorteer', onchange: (e) => navigate({ ...current, sort: e.target.value, page: 1 }) },
        h('option', { value: 'relevance', selected: current.sort === 'relevance' }, 'Meest relevant'),
        h('option', { value: 'updated', selected: current.sort === 'updated' }, 'Laatst bijgewerkt')))));
  if (answer.hits.length === 0 && answer.total > 0) {
    const last = Math.min(Math.ceil(answer.total / pageSize), Math.floor(1000 / pageSize));
    children.push(h('p', { class: 'notice' }, `Deze pagina bestaat niet: er zijn ${answer.total} resultaten. `,
      h('a', { href: urlOf({ ...current, page: last }), onclick: follow({ ...current, page: last }) }, `Naar pagina ${last}`)));
  } else if (answer.hits.length === 0) children.push(empty(current));
  children.push(h('ol', { class: 'hits', start: (current.page - 1) * pageSize + 1 }, answer.hits.map((hit) => h('li', { class: 'hit card' },
    h('h3', null, h('a', { href: materialPage(hit.slug, tracking(hit)) }, hit.title)),
    h('p', { class: 'meta' }, [typeLabels[hit.type] ?? hit.type, hit.updated && `bijgewerkt ${dateNl(hit.updated)}`].filter(Boolean).join(' · ')),
    hit.snippet && h('p', { class: 'snippet' }, marked(hit.snippet)),
    hit.questions.length > 0 && h('ul', { class: 'questions', 'aria-label': `Vragen in ${hit.title}` },
      hit.questions.map((question) => h('li', null, h('a', { href: pageOf(question.url, tracking(hit)) }, question.question))))))));
  children.push(pager(current, answer.total));
  results.replaceChildren(...children);
  if (focused && document.activeElement === document.body) document.getElementById(focused)?.focus();
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

function pager(current, total) {
  const pages = Math.min(Math.ceil(total / pageSize), Math.floor(1000 / pageSize));
  if (pages <= 1) return null;
  const link = (page, text, label) => h('li', null, page === current.page
    ? h('span', { 'aria-current': 'page' }, text)
    : h('a', { href: urlOf({ ...current, page }), 'aria-label': label, onclick: follow({ ...current, page }) }, text));
  const shown = [...new Set([1, current.page - 1, current.page, current.page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return h('nav', { 'aria-label': 'Pagina’s' }, h('ul', { class: 'pager' },
    current.page > 1 && link(current.page - 1, 'Vorige', 'Vorige pagina'),
    shown.map((p) => link(p, String(p), `Pagina ${p}`)),
    current.page < pages && link(current.page + 1, 'Volgende', 'Volgende pagina')));
}

function renderFacets(current, counts) {
  const groups = facetNames.map(([name, legend]) => {
    const chosen = new Set(current.filters[name]);
    // A chosen value stays, even when nothing carries it now, so it can be unticked.
    const values = [...(counts[name] ?? [])];
    for (const id of chosen) if (!values.some((v) => v.id === id)) values.push({ id, label: id, count: 0 });
    if (values.length === 0) return null;
    return h('fieldset', null, h('legend', null, legend), values.map((value) => {
      const id = `f-${name}-${value.id}`;
      const toggle = () => {
        const next = chosen.has(value.id) ? current.filters[name].filter((v) => v !== value.id) : [...current.filters[name], value.id];
        navigate({ ...current, filters: { ...current.filters, [name]: next }, page: 1 });
      };
      return h('div', { class: 'check' },
        h('input', { type: 'checkbox', id, checked: chosen.has(value.id), onchange: toggle }),
        // The count is part of the checkbox's name for screen readers ("FAQ-lijst, 12 materialen"), shown beside it for eyes.
        h('label', { for: id }, value.label, h('span', { class: 'visually-hidden-heading' }, `, ${value.count} materia${value.count === 1 ? 'al' : 'len'}`)),
        h('span', { class: 'count', 'aria-hidden': 'true' }, String(value.count)));
    }));
  });
  facets.replaceChildren(h('h2', { id: 'filters-titel' }, 'Filters'), ...groups.filter(Boolean));
}

const follow = (next) => (event) => {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(next);
  document.getElementById('Inhoud').focus();
};

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const active = listbox.querySelector('[aria-selected=true]');
  if (active) return choose(active);
  navigate({ ...state(), q: input.value.trim(), page: 1 });
});

// Suggestions as you type: an ARIA combobox over GET /api/suggest.
let typing = null;
let pending = null;
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(suggest, 60);
});

async function suggest() {
  pending?.abort();
  const q = input.value.trim();
  if (q.length === 0) return closeSuggestions();
  pending = new AbortController();
  let answer;
  try {
    answer = await api('/api/suggest?q=' + encodeURIComponent(q), { signal: pending.signal });
  } catch {
    return;
  }
  listbox.replaceChildren(...answer.suggestions.map((s, i) => h('li', {
    id: `suggestie-${i}`, role: 'option', 'aria-selected': 'false', 'data-url': s.url, 'data-text': s.text,
    onmousedown: (e) => e.preventDefault(), onclick: (e) => choose(e.currentTarget),
  }, h('span', null, s.text, s.detail && h('span', { class: 'muted' }, ` (${s.detail})`)), h('span', { class: 'kind' }, kindLabels[s.kind] ?? s.kind))));
  const open = answer.suggestions.length > 0;
  listbox.hidden = !open;
  input.setAttribute('aria-expanded', String(open));
  input.removeAttribute('aria-activedescendant');
}

function closeSuggestions() {
  pending?.abort();
  clearTimeout(typing);
  listbox.hidden = true;
  listbox.replaceChildren();
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

function choose(option) {
  const url = option.dataset.url;
  if (url) {
    closeSuggestions();
    location.assign(url.startsWith('/materials/') ? pageOf(url, { source: 'search' }) : pageOf(url));
  } else {
    navigate({ ...state(), q: option.dataset.text, page: 1 });
  }
}

input.addEventListener('keydown', (event) => {
  const options = [...listbox.children];
  if (event.key === 'Escape') return closeSuggestions();
  if (listbox.hidden || options.length === 0 || !['ArrowDown', 'ArrowUp'].includes(event.key)) return;
  event.preventDefault();
  const index = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
  const next = event.key === 'ArrowDown' ? (index + 1) % options.length : (index <= 0 ? options.length - 1 : index - 1);
  options.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
  input.setAttribute('aria-activedescendant', options[next].id);
});
input.addEventListener('blur', () => setTimeout(closeSuggestions, 0));

window.addEventListener('popstate', () => run(state(), { fromHistory: true }));
const navigation = performance.getEntriesByType('navigation')[0];
run(state(), { fromHistory: navigation?.type === 'back_forward' });
