// /zoeken: one box with suggestions, results with snippets and FAQ questions, facets, sorting and
// paging. The query, filters, sort and page live in the URL, so a result list can be shared. Each part
// is a module of ../search/; this page runs the searches and puts their answers in them.
import { api } from '../api.js';
import { h, show, failure } from '../dom.js';
import { session } from '../shell.js';
import { facetGroups } from '../search/facets.js';
import { pageSize, state, urlOf } from '../search/query.js';
import { refused, resultList } from '../search/results.js';
import { searchBox } from '../search/searchbox.js';

// Answers and search ids are kept per signed-in user: whoever signs in next in this tab never gets an
// earlier user's list from the back button, nor their search ids (which the API refuses from anyone else).
const viewer = session.then((me) => me.subject, () => null);
const kept = (key) => JSON.parse(sessionStorage.getItem(key) ?? 'null');
const keep = (key, value) => {
  try { sessionStorage.setItem(key, JSON.stringify(value)); } catch { /* full: only the back button gets slower */ }
};
const keyOf = (s) => urlOf({ ...s, page: 1 });

// What the page keeps between searches. Only the latest search renders: an earlier answer arriving late
// is dropped. The last query searched and its searchId: other filters or sort for it refine that search,
// not a new one. The searchId of a first page, kept for its later pages (never in the URL: it is the
// searcher's own).
const searches = { latest: 0, last: null, ids: {} };
viewer.then((who) => { if (who !== null) searches.ids = { ...kept('searchIds:' + who), ...searches.ids }; });

const box = searchBox((q) => navigate({ ...state(), q, page: 1 }));
const status = h('p', { role: 'status', class: 'muted' });
const facets = h('aside', { class: 'facets', 'aria-labelledby': 'filters-titel' });
const results = h('section', { 'aria-labelledby': 'resultaten-titel' });

show(h('h1', null, 'Zoeken'), box.form, status, h('div', { class: 'layout' }, facets, results));

async function run(current, { fromHistory = false } = {}) {
  const mine = ++searches.latest;
  box.input.value = current.q;
  box.close();
  status.textContent = 'Zoeken…';
  const query = new URL(urlOf(current), location.origin).search;
  // Back from a material: show the list as it was, without recording the search a second time.
  let answer = fromHistory ? kept(`search:${await viewer}:${query}`) : null;
  if (mine !== searches.latest) return;
  if (!answer) {
    try {
      const refines = current.page === 1 && current.q && searches.last?.q === current.q ? '&refines=' + searches.last.id : '';
      answer = await api('/api/search' + (query || '?') + (query ? '&' : '') + 'pageSize=' + pageSize + refines);
    } catch (error) {
      if (mine !== searches.latest) return;
      status.textContent = '';
      results.replaceChildren(error.status === 400 ? refused(current, error) : failure(error));
      return;
    }
    if (mine !== searches.latest) return;
  }
  const who = await viewer; // and with it, this user's earlier search ids are loaded
  if (mine !== searches.latest) return;
  if (who !== null) keep(`search:${who}:${query}`, answer);
  if (answer.searchId) {
    searches.last = { q: current.q, id: answer.searchId };
    searches.ids[keyOf(current)] = answer.searchId;
    if (who !== null) keep('searchIds:' + who, searches.ids);
  }
  render(current, answer);
}

function navigate(next) {
  history.pushState(null, '', urlOf(next));
  run(next);
}

function render(current, answer) {
  // The list is built anew: a filter or the sort keeps the focus the keyboard gave it.
  const focused = document.activeElement?.id;
  const counted = answer.total === 1 ? '1 materiaal' : `${answer.total} materialen`;
  status.textContent = current.q ? `${counted} gevonden voor ‘${current.q}’.` : `${counted}.`;
  facets.replaceChildren(...facetGroups(current, answer.facets, navigate));
  results.replaceChildren(...resultList(current, answer, searches.ids[keyOf(current)], navigate));
  if (focused && document.activeElement === document.body) document.getElementById(focused)?.focus();
}

window.addEventListener('popstate', () => run(state(), { fromHistory: true }));
const navigation = performance.getEntriesByType('navigation')[0];
run(state(), { fromHistory: navigation?.type === 'back_forward' });
