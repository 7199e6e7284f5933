// A search as its URL holds it: the query, the filters, the sort and the page, so a result list can be shared.
export const pageSize = 10;
export const facetNames = [['type', 'Soort'], ['core_process', 'Kernproces'], ['theme', "Thema"], ['domain', 'Domein']];

export const state = () => {
  const query = new URLSearchParams(location.search);
  return {
    q: query.get('q') ?? '',
    filters: Object.fromEntries(facetNames.map(([name]) => [name, query.getAll(name)])),
    sort: query.get('sort') === 'updated' ? 'updated' : 'relevance',
    page: Math.max(1, parseInt(query.get('page') ?? '1', 10) || 1),
  };
};

export function urlOf({ q, filters, sort, page }) {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  for (const [name, values] of Object.entries(filters)) for (const v of values) query.append(name, v);
  if (sort !== 'relevance') query.set('sort', sort);
  if (page > 1) query.set('page', page);
  const text = query.toString();
  return '/zoeken' + (text ? '?' + text : '');
}

export const noFilters = () => Object.fromEntries(facetNames.map(([name]) => [name, []]));
