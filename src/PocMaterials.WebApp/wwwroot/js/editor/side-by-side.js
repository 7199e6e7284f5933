// Two versions of a file as a table: the old one left, the new one right (stacked on a phone), each changed line
// with a sign and its changed words struck through or underlined, so nothing is told by colour alone.
import { h } from '../dom.js';
import { sideBySide } from './text-diff.js';

const side = (cell, sign, changedTag, label) => {
  if (!cell) return h('td', { class: 'empty', 'data-side': label }, h('span', { class: 'visually-hidden-heading' }, 'geen regel'));
  return h('td', { 'data-side': label }, h('div', { class: 'line' },
    h('span', { class: 'number', 'aria-hidden': 'true' }, String(cell.number)),
    h('span', { class: 'sign', 'aria-hidden': 'true' }, sign),
    h('code', null, cell.parts.map((part) => part.changed ? h(changedTag, null, part.text) : part.text))));
};

const signs = { same: [' ', ' '], change: ['−', '+'], del: ['−', ' '], ins: [' ', '+'] };

// oldText and newText with their headings (such as "Versie 3 (oud) · An Jacobs · ...").
export function comparison(oldText, newText, oldHeading, newHeading) {
  const rows = sideBySide(oldText, newText);
  if (rows.every((row) => row.kind === 'skip')) return h('p', { class: 'notice' }, 'Deze twee versies hebben dezelfde tekst.');
  const changed = rows.filter((row) => row.kind !== 'same' && row.kind !== 'skip').length;
  return h('div', { class: 'compare' },
    h('p', { class: 'legend' },
      changed === 1 ? '1 regel verschilt. ' : `${changed} regels verschillen. `,
      h('del', null, 'Doorgestreept'), ' (−): weggehaald uit de oude versie; ',
      h('ins', null, 'onderstreept'), ' (+): toegevoegd in de nieuwe.'),
    h('table', { class: 'side-by-side' },
      h('caption', { class: 'visually-hidden-heading' }, `${oldHeading} naast ${newHeading}`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, oldHeading), h('th', { scope: 'col' }, newHeading))),
      h('tbody', null, rows.map((row) => row.kind === 'skip'
        ? h('tr', { class: 'skip' }, h('td', { colspan: 2 }, `… ${row.count} ${row.count === 1 ? 'regel' : 'regels'} ongewijzigd`))
        : h('tr', { class: row.kind },
          side(row.left, signs[row.kind][0], 'del', 'oud'), side(row.right, signs[row.kind][1], 'ins', 'nieuw'))))));
}
