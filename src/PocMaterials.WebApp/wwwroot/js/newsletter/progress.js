// How far an issue's send is, for editors: a bar with what went out, what waits, what is deferred or bounced, and
// when the rest should be out (at the relay's limits when they are slower than the pace). Refreshed while it sends.
import { api } from '../api.js';
import { h } from '../dom.js';
import { momentNl } from '../dates.js';

const refreshEvery = 5000;

function figures(progress) {
  const done = progress.sent + progress.failed + progress.uncertain + progress.skipped;
  const total = done + progress.waiting + progress.deferred;
  const figure = (label, value) => h('li', null, h('strong', null, String(value)), ' ', label);
  return [
    h('progress', { max: String(Math.max(total, 1)), value: String(done), 'aria-labelledby': 'voortgang-titel' }),
    h('p', null, total === 0 ? 'Nog niemand om naar te versturen.' : `${done} van ${total} afgehandeld.`),
    h('ul', { class: 'list' },
      figure('verstuurd', progress.sent),
      figure('wachten nog', progress.waiting),
      figure('uitgesteld', progress.deferred),
      figure('teruggekomen (bounces)', progress.bounced)),
    progress.estimatedEnd && h('p', null, h('strong', null, 'Verwacht klaar: '), momentNl(progress.estimatedEnd),
      progress.messagesPerMinute ? ` (zo'n ${Math.round(progress.messagesPerMinute)} mails per minuut)` : ''),
  ];
}

// The bar of one issue; it asks again every few seconds while mails wait and the page still shows it.
export function progressSection(issue) {
  const body = h('div', { role: 'status', 'aria-live': 'polite' });
  const section = h('section', { 'aria-labelledby': 'voortgang-titel', class: 'progress' },
    h('h3', { id: 'voortgang-titel' }, 'Voortgang'), body);
  const refresh = async () => {
    const progress = await api(`/api/newsletter/issues/${issue.id}/progress`);
    body.replaceChildren(...figures(progress).filter(Boolean));
    if (issue.status === 'sending' && progress.waiting + progress.deferred > 0 && section.isConnected)
      setTimeout(() => refresh().catch(() => {}), refreshEvery);
  };
  refresh().catch(() => body.replaceChildren(h('p', { class: 'notice' }, 'De voortgang kon niet geladen worden.')));
  return section;
}
