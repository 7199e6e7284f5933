// The filters beside the results: each facet's values as checkboxes, with counts that follow the query.
import { h } from '../dom.js';
import { facetNames } from './query.js';

// navigate(next): searches next, the URL following.
export function facetGroups(current, counts, navigate) {
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
      const counted = `, ${value.count} materia${value.count === 1 ? 'al' : 'len'}`;
      return h('div', { class: 'check' },
        h('input', { type: 'checkbox', id, checked: chosen.has(value.id), onchange: toggle }),
        // The count is part of the checkbox's name for screen readers ("FAQ-lijst, 12 materialen"), shown beside it for eyes.
        h('label', { for: id }, value.label, h('span', { class: 'visually-hidden-heading' }, counted)),
        h('span', { class: 'count', 'aria-hidden': 'true' }, String(value.count)));
    }));
  });
  return [h('h2', { id: 'filters-titel' }, 'Filters'), ...groups.filter(Boolean)];
}
