// "Was dit nuttig?" on /redactie: the materials and FAQ answers of the period with the most "nee", their reasons, and
// on request the comments left with them (what was said, never by whom).
import { api } from '../api.js';
import { h, materialPage, dateNl } from '../dom.js';
import { reasonLabel } from '../feedback/reasons.js';

const number = new Intl.NumberFormat('nl-BE');
const times = (n, one, many) => `${number.format(n)} ${n === 1 ? one : many}`;

const reasonsText = (reasons) => Object.entries(reasons).filter(([, n]) => n > 0)
  .map(([reason, n]) => `${reasonLabel(reason).toLowerCase()} ${number.format(n)}`).join(' · ');

// The comments of one material or answer, fetched when the editor opens them.
function comments(item, period) {
  const list = h('ul', { class: 'list' });
  const details = h('details', null, h('summary', null, 'Opmerkingen'), list);
  details.addEventListener('toggle', async () => {
    if (!details.open || list.dataset.loaded) return;
    list.dataset.loaded = 'ja';
    list.replaceChildren(h('li', { class: 'muted' }, 'Laden…'));
    try {
      const report = await api(`/api/materials/${encodeURIComponent(item.slug)}/feedback${period}`);
      const said = report.latestComments.filter((c) => c.anchor === item.anchor);
      list.replaceChildren(...(said.length === 0
        ? [h('li', { class: 'muted' }, 'Geen opmerkingen bij deze stemmen.')]
        : said.map((c) => h('li', null, h('q', null, c.comment),
          h('span', { class: 'muted' }, ` · ${reasonLabel(c.reason).toLowerCase()}, ${dateNl(c.day)}`)))));
    } catch {
      delete list.dataset.loaded;
      list.replaceChildren(h('li', { class: 'muted' }, 'De opmerkingen konden niet geladen worden.'));
    }
  });
  return details;
}

function item(entry, period) {
  const link = materialPage(entry.slug) + (entry.anchor ? '#' + encodeURIComponent(entry.anchor) : '');
  return h('li', null,
    h('a', { href: link }, entry.anchor ? entry.question : entry.title),
    entry.anchor && h('span', { class: 'muted' }, ` (antwoord in ${entry.title})`),
    h('p', { class: 'feedback-figures' }, h('strong', null, times(entry.votes.notHelpful, 'keer nee', 'keer nee')),
      `, ${times(entry.votes.helpful, 'keer ja', 'keer ja')}`,
      h('span', { class: 'muted' }, ` · ${reasonsText(entry.votes.reasons)}`)),
    comments(entry, period));
}

// The period's list, most "nee" first; period is the reports' query (?from=&to=) or ''.
export function feedbackReport(report, period) {
  const total = report.total;
  return [
    h('p', null, total.helpful + total.notHelpful === 0
      ? 'Nog geen stemmen in deze periode.'
      : `${times(total.helpful + total.notHelpful, 'stem', 'stemmen')}: ${number.format(total.helpful)} ja, `
        + `${number.format(total.notHelpful)} nee.`),
    h('h3', null, 'Meeste ‘nee’'),
    report.mostNotHelpful.length === 0
      ? h('p', { class: 'muted' }, 'Geen materiaal of antwoord kreeg ‘nee’.')
      : h('ol', { class: 'list feedback-list' }, report.mostNotHelpful.map((entry) => item(entry, period))),
  ];
}
