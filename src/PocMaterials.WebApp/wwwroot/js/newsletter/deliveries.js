// How an issue's sending went, for editors: its figures, the mails the server refused and those whose fate an
// interrupted run left uncertain. An uncertain mail may have arrived, so it is sent again only when an editor
// confirms that it may reach its reader twice.
import { api, problemText } from '../api.js';
import { h, dateNl } from '../dom.js';
import { progressSection } from './progress.js';

const pageSize = 50;

// A table scrolls sideways on a phone; being focusable lets the keyboard scroll it.
const table = (caption, heads, body) => h('table', { class: 'table', tabindex: '0' },
  h('caption', { class: 'visually-hidden-heading' }, caption),
  h('thead', null, h('tr', null, heads.map((head) => h('th', { scope: 'col' }, head)))), body);

function figures(report, bounces) {
  const figure = (label, value) => h('li', null, h('strong', null, String(value)), ' ', label);
  // Sent, waiting and deferred stand in the progress above, which follows the send as it goes.
  return [h('h3', { id: 'afloop-titel' }, 'Afloop'), h('ul', { class: 'list', 'aria-labelledby': 'afloop-titel' },
    figure('geweigerd door de mailserver', report.failed),
    figure('onzeker', report.uncertain),
    figure('zonder mail (niets van dit nummer voor hun rol)', report.skipped),
    figure('uitgeschreven na dit nummer', report.unsubscribed),
    figure('teruggekomen: adres bestaat niet of weigert', bounces.hard),
    figure('teruggekomen: tijdelijk niet aangekomen', bounces.soft),
    figure('als spam gemeld', bounces.complaints))];
}

// The deliveries of one status, a page at a time: "Toon meer" adds the next page to the table.
function deliveryList({ issue, status, caption, heads, cells }) {
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Toon meer');
  const total = h('span');
  let page = 0;
  const next = async () => {
    page += 1;
    const result = await api(`/api/newsletter/issues/${issue.id}/deliveries?status=${status}&page=${page}&pageSize=${pageSize}`);
    body.append(...result.deliveries.map((delivery) => h('tr', null, cells(delivery).map((cell) => h('td', null, cell)))));
    total.textContent = ` (${result.total})`;
    more.hidden = page * pageSize >= result.total;
    return result;
  };
  more.addEventListener('click', () => next().catch(() => { more.hidden = true; }));
  return { element: [table(caption, heads, body), more], total, next };
}

function uncertainMails(issue, announce) {
  const resend = async (delivery, button) => {
    if (!confirm(`Het is niet zeker of ${delivery.email} deze mail al kreeg: misschien wel. Opnieuw versturen kan hem ` +
      'een tweede keer bezorgen. Toch opnieuw versturen?')) return;
    try {
      await api(`/api/newsletter/issues/${issue.id}/deliveries/${delivery.subscriberId}/resend`, { method: 'POST' });
      button.replaceWith(h('span', null, 'wordt opnieuw verstuurd'));
      announce(`De mail aan ${delivery.email} wordt opnieuw verstuurd.`);
    } catch (error) { announce('Niet opnieuw verstuurd: ' + problemText(error, 'probeer het opnieuw.')); }
  };
  const list = deliveryList({
    issue, status: 'uncertain', caption: 'Onzekere mails',
    heads: ['E-mailadres', 'Naam', 'Onzeker sinds', ''],
    cells: (delivery) => {
      const button = h('button', { type: 'button', class: 'secondary' }, 'Opnieuw versturen');
      button.addEventListener('click', () => resend(delivery, button));
      return [delivery.email, delivery.name, dateNl(delivery.updatedAt), issue.status === 'cancelled' ? '' : button];
    },
  });
  return { list, section: h('section', { 'aria-labelledby': 'onzeker-titel' },
    h('h3', { id: 'onzeker-titel' }, 'Onzekere mails', list.total),
    h('p', null, 'Het versturen werd onderbroken terwijl deze mails weggingen: ze kunnen aangekomen zijn of niet. ' +
      'Ze worden nooit vanzelf opnieuw verstuurd. Verstuur er een opnieuw als je zeker wilt zijn dat de lezer hem krijgt, ' +
      'ook al krijgt hij hem dan misschien twee keer.'),
    list.element) };
}

function failedMails(issue) {
  const list = deliveryList({
    issue, status: 'failed', caption: 'Geweigerde mails',
    heads: ['E-mailadres', 'Naam', 'Antwoord van de mailserver'],
    cells: (delivery) => [delivery.email, delivery.name, delivery.serverResponse ?? ''],
  });
  return { list, section: h('section', { 'aria-labelledby': 'geweigerd-titel' },
    h('h3', { id: 'geweigerd-titel' }, 'Geweigerde mails', list.total),
    h('p', null, 'De mailserver weigerde deze mails voorgoed; haar antwoord zegt waarom, bijvoorbeeld een adres dat ' +
      'niet bestaat. Ze worden niet opnieuw geprobeerd.'),
    list.element) };
}

// The section of an issue that was (partly) sent; its lists come when their first page does.
export function sendingSection(issue, announce) {
  const section = h('section', { 'aria-labelledby': 'verzending-titel' }, h('h2', { id: 'verzending-titel' }, 'Verzending'));
  (async () => {
    const [report, bounces] = await Promise.all([
      api(`/api/newsletter/issues/${issue.id}/report`), api(`/api/newsletter/issues/${issue.id}/bounces`)]);
    section.append(progressSection(issue), ...figures(report, bounces));
    for (const { list, section: part } of [uncertainMails(issue, announce), failedMails(issue)]) {
      if ((await list.next()).total > 0) section.append(part);
    }
  })().catch((error) => section.append(h('p', { class: 'notice error' },
    'De verzending kon niet geladen worden: ' + problemText(error, 'probeer het opnieuw.'))));
  return section;
}
